// Drives next-auth's real handler with our authOptions, without a Next server: next-auth's
// pages-router entry point takes a plain request object and a response with setHeader/status/json.
// A small cookie jar carries the CSRF and session cookies between calls, as a browser would.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

export const SESSION_COOKIE = 'next-auth.session-token';

export interface AuthResponse {
  status: number;
  body: unknown;
  /** Cookies set (value) or cleared (''), by name. */
  cookies: Record<string, string>;
  location?: string;
}

type Res = {
  statusCode: number; headers: Record<string, unknown>; body: unknown;
  status(n: number): Res; setHeader(k: string, v: unknown): Res; getHeader(k: string): unknown;
  json(b: unknown): Res; send(b: unknown): Res; end(): Res;
};

function fakeResponse(): Res {
  const res: Res = {
    statusCode: 200, headers: {}, body: undefined,
    status(n) { res.statusCode = n; return res; },
    setHeader(k, v) { res.headers[k.toLowerCase()] = v; return res; },
    getHeader(k) { return res.headers[k.toLowerCase()]; },
    json(b) { res.body = b; return res; },
    send(b) { res.body = typeof b === 'string' ? safeJson(b) : b; return res; },
    end() { return res; },
  };
  return res;
}

function safeJson(s: string): unknown {
  try { return JSON.parse(s); } catch { return s; }
}

function parseSetCookies(header: unknown): Record<string, string> {
  const list = header == null ? [] : Array.isArray(header) ? header : [header];
  const out: Record<string, string> = {};
  for (const line of list as string[]) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || (/^expires=/i.test(a.trim()) && new Date(a.trim().slice(8)).getTime() < Date.now()));
    out[name] = expired ? '' : decodeURIComponent(pair!.slice(eq + 1));
  }
  return out;
}

export class AuthClient {
  jar: Record<string, string> = {};
  constructor(public headers: Record<string, string> = {}) {}

  async call(path: string[], opts: { method?: 'GET' | 'POST'; body?: Record<string, string> } = {}): Promise<AuthResponse> {
    const res = fakeResponse();
    const req = {
      method: opts.method ?? 'GET',
      query: { nextauth: path },
      body: opts.body ?? {},
      cookies: Object.fromEntries(Object.entries(this.jar).filter(([, v]) => v)),
      headers: { host: 'localhost:3000', ...this.headers },
    };
    await (NextAuth as unknown as (req: unknown, res: unknown, o: typeof authOptions) => Promise<unknown>)(req, res, authOptions);
    const cookies = parseSetCookies(res.getHeader('set-cookie'));
    Object.assign(this.jar, cookies);
    const location = res.getHeader('location') as string | undefined;
    return { status: res.statusCode, body: res.body, cookies, location };
  }

  async csrf(): Promise<string> {
    return ((await this.call(['csrf'])).body as { csrfToken: string }).csrfToken;
  }

  /** The URL next-auth answers with (`…/error?error=CredentialsSignin` on failure). */
  async signIn(email: string, password: string): Promise<string> {
    const csrfToken = await this.csrf();
    const r = await this.call(['callback', 'credentials'], { method: 'POST', body: { csrfToken, email, password, json: 'true', callbackUrl: '/dashboard' } });
    return (r.body as { url: string }).url;
  }

  async session(): Promise<Record<string, unknown>> {
    return (await this.call(['session'])).body as Record<string, unknown>;
  }

  async signOut(): Promise<AuthResponse> {
    const csrfToken = await this.csrf();
    return this.call(['signout'], { method: 'POST', body: { csrfToken, json: 'true', callbackUrl: '/login' } });
  }
}
