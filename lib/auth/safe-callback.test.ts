import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, safeRedirectUrl } from './safe-callback';

const FALLBACK = DEFAULT_AFTER_SIGN_IN;

// What reaches the page is already percent-decoded once by Next (searchParams), so both the decoded
// form ('/\t/evil.test') and a still-encoded form ('/%09/evil.test', from a double-encoded link) occur.
const REFUSED: [string, unknown][] = [
  ['tab after the slash (the reported bug)', '/\t/evil.test'],
  ['tab, percent-encoded', '/%09/evil.test'],
  ['tab, double-encoded', '/%2509/evil.test'],
  ['LF', '/\n/evil.test'],
  ['LF, encoded', '/%0A/evil.test'],
  ['LF, lower-case encoding', '/%0a/evil.test'],
  ['CR', '/\r/evil.test'],
  ['CR, encoded', '/%0D/evil.test'],
  ['CRLF header injection', '/dashboard%0D%0ASet-Cookie:%20x=1'],
  ['CRLF header injection, decoded', '/dashboard\r\nSet-Cookie: x=1'],
  ['NUL', '/dash\u0000board'],
  ['DEL', '/dash\u007fboard'],
  ['C1 control', '/dash\u0085board'],
  ['tab at the end', '/dashboard\t'],
  ['control character deep in the query', '/dashboard?x=%09'],
  ['backslash after the slash', '/\\evil.test'],
  ['backslash, encoded', '/%5Cevil.test'],
  ['backslash anywhere', '/records\\..\\evil'],
  ['protocol-relative', '//evil.test'],
  ['protocol-relative with a path', '//evil.test/dashboard'],
  ['slash, encoded slash', '/%2Fevil.test'],
  ['slash-backslash', '/\\/evil.test'],
  ['normalises to //', '/.//evil.test'],
  ['normalises to // through ..', '/x/..//evil.test'],
  ['javascript: scheme', 'javascript:alert(1)'],
  ['javascript: scheme, upper case', 'JAVASCRIPT:alert(1)'],
  ['data: scheme', 'data:text/html,<script>alert(1)</script>'],
  ['absolute https URL', 'https://evil.test/'],
  ['absolute http URL', 'http://evil.test'],
  ['absolute URL of our own host (only paths are taken)', 'http://localhost:3000/dashboard'],
  ['scheme-less host', 'evil.test'],
  ['relative path', 'dashboard'],
  ['leading space', ' /dashboard'],
  ['leading tab', '\t/dashboard'],
  ['malformed encoding', '/dashboard%E0%A4%A'],
  ['lone percent', '/dash%'],
  ['empty', ''],
  ['too long', `/${'a'.repeat(3000)}`],
  ['not a string', ['/dashboard']],
  ['undefined', undefined],
  ['null', null],
];

const ACCEPTED: [string, string, string][] = [
  ['the dashboard', '/dashboard', '/dashboard'],
  ['a nested page with a query', '/records/deals?stage=won&page=2', '/records/deals?stage=won&page=2'],
  ['a hash', '/kpis/win_rate#chart', '/kpis/win_rate#chart'],
  ['encoded characters that are not controls', '/records/accounts?q=caf%C3%A9%20bar', '/records/accounts?q=caf%C3%A9%20bar'],
  ['dot segments are resolved', '/records/../goals', '/goals'],
  ['the root', '/', '/'],
];

describe('safeCallbackPath', () => {
  it.each(REFUSED)('refuses %s', (_name, value) => {
    expect(safeCallbackPath(value)).toBe(FALLBACK);
  });

  it.each(ACCEPTED)('keeps %s', (_name, value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it('uses the given fallback', () => {
    expect(safeCallbackPath('//evil.test', '/login')).toBe('/login');
  });
});

describe('safeRedirectUrl (next-auth redirect callback)', () => {
  const base = 'http://localhost:3000';
  it.each(REFUSED.filter(([name, v]) => typeof v === 'string' && !name.startsWith('absolute URL of our own')))(
    'sends %s to the fallback',
    (_name, value) => {
      expect(safeRedirectUrl(value as string, base)).toBe(`${base}${FALLBACK}`);
    },
  );

  it('keeps same-origin paths and same-origin absolute URLs', () => {
    expect(safeRedirectUrl('/login', base)).toBe(`${base}/login`);
    expect(safeRedirectUrl('/records/deals?stage=won', base)).toBe(`${base}/records/deals?stage=won`);
    expect(safeRedirectUrl(`${base}/goals`, base)).toBe(`${base}/goals`);
    expect(safeRedirectUrl(base, base)).toBe(`${base}/`);
  });

  it('refuses our own origin with a smuggled control character or another port', () => {
    expect(safeRedirectUrl(`${base}/%09/evil.test`, base)).toBe(`${base}${FALLBACK}`);
    expect(safeRedirectUrl('http://localhost:3000\t/x', base)).toBe(`${base}${FALLBACK}`);
    expect(safeRedirectUrl('http://localhost:3001/dashboard', base)).toBe(`${base}${FALLBACK}`);
    expect(safeRedirectUrl('http://localhost:3000@evil.test/', base)).toBe(`${base}${FALLBACK}`);
  });
});
