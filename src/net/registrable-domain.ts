/**
 * The one thing msw's cookie jar (tough-cookie) asks of tldts: a host's registrable domain, to check
 * where a cookie may be set. Every server in this game lives under a reserved name such as
 * `api.chat.example`, where the last two labels are that domain, so the browser build answers it
 * here instead of shipping the whole public suffix list (tldts, about 50 KB gzip). Aliased for the
 * browser build in vite.config.ts; Node keeps the real package.
 */
export function getDomain(host: string): string | null {
  if (!host || /^[\d.]+$/.test(host) || host.includes(':')) return null;
  const labels = host.split('.').filter(Boolean);
  return labels.length < 2 ? null : labels.slice(-2).join('.');
}
