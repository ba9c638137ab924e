// The closed loop of `npm run bench:load` (targets.md "Under load"): every virtual user is one seeded
// user signed in as themselves, going round their own pages (their default dashboard and KPI pages of
// their department) with no think time: request a page with their session, read the whole streamed body
// (every Suspense part has arrived), check it, go again. Latency is the time to the last byte, which is
// what a person waits for before every number on the page is there.
// Our own loop rather than autocannon: it needs one cookie per user and the exact p95, which
// autocannon's report does not give (it reports p90 and p97.5).

export type PageKind = 'dashboard' | 'kpi';

export interface LoadTarget {
  /** The report row this page counts in, e.g. "dashboard, members". */
  group: string;
  kind: PageKind;
  /** Path and query, e.g. /kpis/win_rate. */
  path: string;
  /** The Cookie header of the user's signed-in session. */
  cookie: string;
}

/** One virtual user: a seeded user's own pages, opened in turn. */
export interface VirtualUser {
  email: string;
  targets: LoadTarget[];
}

export interface Sample {
  group: string;
  path: string;
  ms: number;
  /** null when the page was complete and correct; else why it counts as an error. */
  error: string | null;
}

export interface LatencySummary {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The value below which `q` (0–1) of the sorted values fall: nearest-rank, as load tools report it. */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarizeMs(values: readonly number[], errors = 0): LatencySummary {
  const ms = [...values].sort((a, b) => a - b);
  return {
    requests: ms.length, errors,
    p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), p99: percentile(ms, 0.99), max: ms.length ? ms[ms.length - 1] : NaN,
  };
}

export function summarize(samples: readonly Sample[]): LatencySummary {
  return summarizeMs(samples.map((s) => s.ms), samples.filter((s) => s.error).length);
}

/**
 * Why a response is not a good page, or null when it is. A widget that failed on the server still
 * answers 200 (the page streams), so the body is checked: the KPI cards (a dashboard) or the KPI's
 * value (a KPI page) are there and no Suspense part was replaced by an error (React marks those with
 * data-dgst).
 */
export function pageProblem(kind: PageKind, status: number, body: string): string | null {
  if (status !== 200) return `HTTP ${status}`;
  if (body.includes('data-dgst=')) return 'a widget failed on the server';
  if (kind === 'dashboard' && !body.includes('data-testid="kpi-cards"')) return 'no KPI cards in the page';
  if (kind === 'kpi' && !body.includes('data-testid="kpi-value"')) return 'no KPI value in the page';
  if (!body.includes('</html>')) return 'page cut short';
  return null;
}

export const dashboardProblem = (status: number, body: string) => pageProblem('dashboard', status, body);

/** The cookies a response sets, as a Cookie header fragment (name=value; …). */
export function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/dashboard`, json: 'true' }),
  });
  const session = cookiesFrom(res).find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${res.status}): is the database seeded with the demo users?`);
  return session;
}

/** One request: the time to the last byte and whether the page is good. */
export async function fetchPage(baseUrl: string, target: LoadTarget, timeoutMs: number): Promise<Sample> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${target.path}`, {
      headers: { cookie: target.cookie },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    return { group: target.group, path: target.path, ms: performance.now() - started, error: pageProblem(target.kind, res.status, body) };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const error = name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `network: ${err instanceof Error ? err.message : String(err)}`;
    return { group: target.group, path: target.path, ms: performance.now() - started, error };
  }
}

/** Runs `fn` over `items` with at most `concurrency` at a time; results in the items' order. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

/**
 * When user `i` of `count` opens their `n`-th page, in ms after the start, when the users together open
 * `pace` pages a second: each one a page every count ÷ pace seconds, their starts spread evenly over
 * that interval (so the pages arrive at an even rate, not in bursts).
 */
export function pacedStart(i: number, count: number, n: number, pace: number): number {
  return ((i / count + n) * count * 1000) / pace;
}

/**
 * Every virtual user in a closed loop for `seconds`, each going round its own pages. With several
 * server instances, user i stays on instance i (mod the instances), as a load balancer with sticky
 * sessions would place them. Without `pace` a user opens the next page as soon as the last one has
 * arrived (no think time: what one server can do at most, and each page waits behind every other
 * user's). With `pace` (pages a second, all users together) each user opens a page on a schedule
 * (pacedStart) and still never more than one at a time: a user whose page arrives after their next
 * start opens the next one at once, so a server slower than the pace is measured at its own rate. Pages started before the end are
 * waited for and counted.
 */
export async function runLoad(
  baseUrls: readonly string[],
  users: readonly VirtualUser[],
  opts: { seconds: number; pace?: number | null; timeoutMs?: number; onProgress?: (done: number, errors: number) => void },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  let errors = 0;
  const tick = opts.onProgress && setInterval(() => opts.onProgress!(samples.length, errors), 10_000);
  const loop = async (u: VirtualUser, i: number) => {
    for (let n = 0; ; n++) {
      if (opts.pace) {
        const at = started + pacedStart(i, users.length, n, opts.pace);
        if (at >= deadline) break;
        const wait = at - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      } else if (performance.now() >= deadline) break;
      const s = await fetchPage(baseUrls[i % baseUrls.length], u.targets[n % u.targets.length], opts.timeoutMs ?? 30_000);
      if (s.error) errors++;
      samples.push(s);
    }
  };
  try {
    await Promise.all(users.map((u, i) => loop(u, i)));
  } finally {
    if (tick) clearInterval(tick);
  }
  return samples;
}
