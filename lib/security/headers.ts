// The security headers of every page (OWASP ASVS 14.4, targets.md "Reliability and security"). proxy.ts
// sets them per request, because the CSP carries a fresh script nonce each time: Next reads the nonce
// from the request's Content-Security-Policy header and puts it on its own inline and chunk scripts, so
// no script runs without it and 'unsafe-inline' is not needed for scripts. next.config.mjs sets the
// static ones (and a no-script CSP) on what the proxy does not see: the API and Next's assets.

export interface PageHeaderOptions {
  /** The request's script nonce (newNonce()). */
  nonce: string;
  /** The request reached us over HTTPS (servedOverHttps()): adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React's dev build needs eval for its debugging aids. */
  dev?: boolean;
}

/** One year, the value the HSTS preload list asks for; browsers ignore HSTS received over plain HTTP. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Headers that do not depend on the request: sent on pages by the proxy and on the rest by next.config. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Old browsers that ignore CSP frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** The CSP of responses that never run a script (API JSON, CSV, a bare 431). */
export const NO_SCRIPT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page CSP. Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic':
 * Next's bootstrap script loads the route's chunks, and Chart.js is inside them). Styles keep
 * 'unsafe-inline': React renders `style` attributes (bar widths, colours), which nonces cannot cover,
 * and CSS cannot run script.
 */
export function contentSecurityPolicy({ nonce, https, dev = false }: PageHeaderOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('contentSecurityPolicy: the nonce must be base64 of 16+ random bytes');
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Every security header of a page response. */
export function pageSecurityHeaders(options: PageHeaderOptions): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(options),
    ...(options.https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/**
 * Whether the browser reached the app over HTTPS. Either the app's public address (NEXTAUTH_URL) is
 * https — then a TLS terminator sits in front of it and every browser request is HTTPS — or the request
 * says so itself: its own URL, or `X-Forwarded-Proto: https`, which is believed only when
 * TRUSTED_PROXIES (the number of proxies in front of the app, default 0) is at least 1, because a client
 * can send that header itself. Sending HSTS too often is harmless (a browser ignores it over HTTP).
 */
export function servedOverHttps(
  requestUrl: string,
  forwardedProto: string | null,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (/^https:\/\//i.test(env.NEXTAUTH_URL ?? '')) return true;
  if (/^https:/i.test(requestUrl)) return true;
  const trustedProxies = Number.parseInt(env.TRUSTED_PROXIES ?? '0', 10);
  if (!(trustedProxies >= 1) || !forwardedProto) return false;
  // Proxies that append give one entry per hop, the client's own (untrusted) values first: the scheme
  // the outermost trusted proxy saw is the entry `trustedProxies` from the end.
  const hops = forwardedProto.split(',').map((p) => p.trim().toLowerCase());
  const seenByOutermostTrusted = hops[Math.max(0, hops.length - trustedProxies)];
  return seenByOutermostTrusted === 'https';
}
