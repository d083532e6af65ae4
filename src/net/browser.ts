import type { NetworkHost } from './host.ts';

/**
 * Load the in-page network lazily. Storage must already be guarded (guardStorage in
 * ./storage-guard.ts), since msw reads it as soon as it loads: flow/runner.ts does that before
 * the run engine's chunk, which imports msw, is fetched.
 */
export async function loadBrowserHost(): Promise<NetworkHost> {
  const { browserHost } = await import('./browser-host.ts');
  return browserHost();
}
