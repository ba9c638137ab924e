// [SECURITY] What the proxy (proxy.ts) runs on: every app page (a signed-out browser is sent to /login),
// but not the sign-in and set-password pages, assets, or the API. Route handlers answer 401/403 on
// their own (access-matrix.test.ts); running the proxy on them would also make Next buffer the body of
// an import upload and silently cut it at 10 MB.
import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';

// Next compiles each matcher as a path pattern anchored at both ends; this one is a single regex group.
const matches = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe('[SECURITY] proxy matcher', () => {
  it.each(['/', '/dashboard', '/kpis/win_rate', '/records/deals/12', '/goals/new', '/admin/imports', '/admin/users', '/kpis/revenue/export'])('guards %s', (p) => {
    expect(matches(p)).toBe(true);
  });
  it.each(['/login', '/set-password', '/api/auth/session', '/api/imports/upload', '/api/imports/status', '/_next/static/chunks/a.js', '/favicon.ico'])('leaves %s alone', (p) => {
    expect(matches(p)).toBe(false);
  });
});
