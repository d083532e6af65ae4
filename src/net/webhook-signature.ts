import type { Random } from '../sim/random.ts';

/**
 * Standard Webhooks signatures: HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}` with the
 * endpoint's secret (`whsec_` and the key in base64), sent as `webhook-signature: v1,<base64>`.
 * Web Crypto (`crypto.subtle`), so the same code signs in Node and in the browser.
 */

const encoder = new TextEncoder();

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** A new endpoint secret, drawn from the run's random numbers (so a seed gives the same trace). */
export function newSecret(random: Random): string {
  return `whsec_${toBase64(Uint8Array.from({ length: 24 }, () => Math.floor(random.next() * 256)))}`;
}

/** The `webhook-signature` header's value for one delivery. */
export async function signWebhook(secret: string, id: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', fromBase64(secret.replace(/^whsec_/, '')), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}
