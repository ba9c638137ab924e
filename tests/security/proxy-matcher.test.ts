// [SECURITY] What the proxy (proxy.ts) runs on, and where it asks for a session. It runs on every page,
// the public ones included (they need its CSP nonce), but not on the API or Next's assets: route handlers
// answer 401/403 on their own (access-matrix.test.ts), and running the proxy on them would also make
// Next buffer the body of an import upload and silently cut it at 10 MB. Of the pages it runs on, the
// sign-in and set-password pages and the public files (favicon, robots.txt) need no session.
import { describe, expect, it } from 'vitest';
import { config, needsSession } from '@/proxy';

// Next compiles each matcher as a path pattern anchored at both ends; this one is a single regex group.
const matches = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe('[SECURITY] proxy matcher', () => {
  it.each(['/', '/dashboard', '/kpis/win_rate', '/records/deals/12', '/goals/new', '/admin/imports', '/admin/users', '/kpis/revenue/export', '/login', '/set-password', '/favicon.ico', '/robots.txt', '/no-such-page'])('runs on %s', (p) => {
    expect(matches(p)).toBe(true);
  });
  it.each(['/api/auth/session', '/api/imports/upload', '/api/imports/status', '/_next/static/chunks/a.js', '/_next/image'])('leaves %s alone', (p) => {
    expect(matches(p)).toBe(false);
  });
});

describe('[SECURITY] pages that need a session', () => {
  it.each(['/', '/dashboard', '/kpis/win_rate', '/records/deals/12', '/goals/new', '/admin/imports', '/admin/users', '/kpis/revenue/export', '/no-such-page', '/login-as-admin', '/loginx', '/favicon.ico/x', '/robots.txt.bak'])('guards %s', (p) => {
    expect(needsSession(p)).toBe(true);
  });
  it.each(['/login', '/login/', '/set-password', '/favicon.ico', '/icon.svg', '/robots.txt'])('lets %s through signed out', (p) => {
    expect(needsSession(p)).toBe(false);
  });
});
