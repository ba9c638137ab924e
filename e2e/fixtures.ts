// Shared e2e helpers: the demo sign-ins, stored sessions per role, sign-in through the form or the
// API, a per-test client address (so negative sign-in tests do not add up against the per-address
// limit), and direct SQL on the run's fresh database (Postgres only).
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import path from 'node:path';
import postgres from 'postgres';
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from '@/scripts/lib/e2e-demo-users';
import { AUTH_DIR, readServerState, type DemoUserInfo, type E2eServerState } from '@/scripts/lib/e2e-server-state';

export { expect, DEMO_PASSWORD, DEMO_USERS, type DemoRole };

export const ROLES: DemoRole[] = ['admin', 'manager', 'member'];

/** The storageState file global.setup.ts writes for a role: `test.use({ storageState: authFile('admin') })`. */
export function authFile(role: DemoRole): string {
  return path.join(AUTH_DIR, `${role}.json`);
}

let cachedState: E2eServerState | undefined;
export function serverState(): E2eServerState {
  cachedState ??= readServerState();
  return cachedState;
}

/** The demo user as stored (the seed picks names), falling back to the defaults. */
export function demoUser(key: keyof typeof DEMO_USERS): DemoUserInfo {
  return serverState().demoUsers?.[key] ?? { ...DEMO_USERS[key] };
}

let addressCounter = 0;
/** A documentation-range address (RFC 5737), unique per call, for X-Forwarded-For. */
export function uniqueAddress(): string {
  addressCounter += 1;
  return `198.51.${(process.pid % 200) + 1}.${(addressCounter % 250) + 1}`;
}

/** Signs in through the login form and waits until the app has left /login. */
export async function signInViaForm(page: Page, email: string, password: string, opts: { expectSuccess?: boolean } = {}): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (opts.expectSuccess !== false) await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Signs in through next-auth's endpoints (csrf + credentials callback); the context keeps the cookie. */
export async function signInViaApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true', callbackUrl: '/dashboard' },
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  if (!res.ok() || !body.url || body.url.includes('error=')) {
    throw new Error(`sign-in as ${email} failed: ${res.status()} ${body.url ?? ''}`);
  }
}

/** SQL on the run's database. Only with Postgres: on PGlite the server holds the only connection. */
export async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const url = serverState().databaseUrl;
  if (!url) throw new Error('withSql needs the Postgres e2e run (DATABASE_URL)');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

export const isPostgresRun = (): boolean => serverState().kind === 'postgres';

/** `test` with `pageAs(role)`: a page in a fresh context signed in as that demo role. */
export const test = base.extend<{ pageAs: (role: DemoRole) => Promise<Page> }>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (role) => {
      const ctx = await browser.newContext({ storageState: authFile(role) });
      contexts.push(ctx);
      return ctx.newPage();
    });
    for (const c of contexts) await c.close();
  },
});
