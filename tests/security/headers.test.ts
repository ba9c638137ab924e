// [SECURITY] The security headers (issue 11 item 8, targets.md): a CSP whose scripts need this request's
// nonce (no 'unsafe-inline' for scripts), frame-ancestors 'none', nosniff, a referrer policy, HSTS over
// HTTPS; set by proxy.ts on pages (including the redirect of a signed-out browser) and by next.config.mjs
// on the rest. e2e/security-headers.spec.ts checks the same on a running server, 404 and login included.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';
import { NextRequest, type NextFetchEvent } from 'next/server';
import { describe, expect, it } from 'vitest';
import proxy from '@/proxy';
import {
  contentSecurityPolicy, newNonce, NO_SCRIPT_CSP, pageSecurityHeaders, servedOverHttps, STATIC_SECURITY_HEADERS,
} from '@/lib/security/headers';

const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
const event = {} as NextFetchEvent;
// withAuth verifies the session cookie with it (there is none here: the browser is signed out).
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret';

describe('[SECURITY] page CSP', () => {
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, https: false });

  it('lets scripts run only with the nonce', () => {
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(directive(csp, 'script-src')).not.toContain('unsafe-inline');
    expect(directive(csp, 'script-src')).not.toContain('unsafe-eval');
  });
  it('forbids framing, plugins and foreign form targets', () => {
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'form-action')).toBe("form-action 'self'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
  });
  it('allows eval only in next dev', () => {
    expect(directive(contentSecurityPolicy({ nonce, https: false, dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });
  it('makes a new unguessable nonce each time and refuses a malformed one', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
    expect(() => contentSecurityPolicy({ nonce: "x' 'unsafe-inline", https: false })).toThrow();
  });
});

describe('[SECURITY] HSTS only over HTTPS', () => {
  it('adds HSTS and upgrade-insecure-requests over HTTPS', () => {
    const h = pageSecurityHeaders({ nonce: newNonce(), https: true });
    expect(h['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(h['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    const plain = pageSecurityHeaders({ nonce: newNonce(), https: false });
    expect(plain['Strict-Transport-Security']).toBeUndefined();
    expect(plain['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  });
  it('knows HTTPS from NEXTAUTH_URL, the request URL, or X-Forwarded-Proto through trusted proxies only', () => {
    expect(servedOverHttps('http://app:3000/', null, { NEXTAUTH_URL: 'https://crm.example.com' })).toBe(true);
    expect(servedOverHttps('https://crm.example.com/', null, {})).toBe(true);
    expect(servedOverHttps('http://app:3000/', null, { NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
    // A client can send the header itself: not believed without a trusted proxy.
    expect(servedOverHttps('http://app:3000/', 'https', {})).toBe(false);
    expect(servedOverHttps('http://app:3000/', 'https', { TRUSTED_PROXIES: '1' })).toBe(true);
    expect(servedOverHttps('http://app:3000/', 'http', { TRUSTED_PROXIES: '1' })).toBe(false);
    // The client's forged entry comes first; the trusted proxy's own view is the last one.
    expect(servedOverHttps('http://app:3000/', 'https, http', { TRUSTED_PROXIES: '1' })).toBe(false);
    expect(servedOverHttps('http://app:3000/', 'https, http', { TRUSTED_PROXIES: '2' })).toBe(true);
  });
});

describe('[SECURITY] proxy.ts sets the headers', () => {
  it('on the sign-in page, with the nonce also on the request so Next can put it on its scripts', async () => {
    const res = await proxy(new NextRequest('http://localhost:3000/login'), event);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(directive(csp, 'script-src')).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // NextResponse.next({ request: { headers } }) passes request overrides on as x-middleware-request-*.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });
  it('on the redirect of a signed-out browser, with a different nonce per request', async () => {
    const a = await proxy(new NextRequest('http://localhost:3000/dashboard'), event);
    const b = await proxy(new NextRequest('http://localhost:3000/dashboard'), event);
    expect(a.status).toBe(307);
    expect(a.headers.get('location')).toBe('http://localhost:3000/login?callbackUrl=%2Fdashboard');
    expect(a.headers.get('x-frame-options')).toBe('DENY');
    expect(a.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
  });
});

describe('[SECURITY] next.config.mjs covers what the proxy does not see', () => {
  it('sends the static headers and a no-script CSP on the API and the assets', async () => {
    // A plain .mjs file (Next loads it untranspiled): imported by URL, typed here.
    const url = pathToFileURL(path.join(import.meta.dirname, '../../next.config.mjs')).href;
    const nextConfig = ((await import(url)) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    expect(rules.map((r) => r.source).sort()).toEqual(['/_next/:path*', '/api/:path*']);
    for (const rule of rules) {
      expect(Object.fromEntries(rule.headers.map((h) => [h.key, h.value]))).toEqual({
        ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': NO_SCRIPT_CSP,
      });
    }
  });
});
