import { guardStorage } from './storage-guard.ts';
import type { NetworkHost } from './host.ts';

/** Load the in-page network lazily, guarding storage first (msw touches it as it loads). */
export async function loadBrowserHost(): Promise<NetworkHost> {
  guardStorage();
  const { browserHost } = await import('./browser-host.ts');
  return browserHost();
}
