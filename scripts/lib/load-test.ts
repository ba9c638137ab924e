// The dashboard under load (targets.md: 50 concurrent users for 60 s on loopback, 0 errors, p95 ≤ 1 s).
// Each virtual user is a closed loop: request a dashboard page with a signed-in session, read the
// whole streamed body (every Suspense part has arrived), check it, go again. Latency is the time to
// the last byte, which is what a person waits for before every number on the page is there.
// Our own loop rather than autocannon: it needs one cookie per user and the exact p95, which
// autocannon's report does not give (it reports p90 and p97.5).

export interface LoadTarget {
  /** A label for the report, e.g. "sales (manager)". */
  name: string;
  /** Path and query, e.g. /dashboard?department=support. */
  path: string;
  /** The Cookie header of a signed-in session. */
  cookie: string;
}

export interface Sample {
  target: string;
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

export interface LoadReport {
  date: string;
  machine: string;
  database: string;
  scale: string;
  users: number;
  seconds: number;
  /** How many server processes (`next start`) shared the users. */
  instances: number;
  /** Tickets saved per minute during the run by another connection (0: read-only load). */
  writesPerMinute?: number;
  /** Requests finished per second over the whole run. */
  throughput: number;
  overall: LatencySummary;
  byTarget: (LatencySummary & { name: string; path: string })[];
  /** Error reasons and how often each happened (empty when there were none). */
  errorKinds: Record<string, number>;
  /** Peak resident memory of the Next.js servers together during the run, when it could be read. */
  serverPeakRssMb: number | null;
  command: string;
}

/** The value below which `q` (0–1) of the sorted values fall: nearest-rank, as load tools report it. */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly Sample[]): LatencySummary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    errors: samples.filter((s) => s.error).length,
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    p99: percentile(ms, 0.99),
    max: ms.length ? ms[ms.length - 1] : NaN,
  };
}

/**
 * Why a dashboard response is not a good page, or null when it is. A widget that failed on the server
 * still answers 200 (the page streams), so the body is checked: the KPI cards are there and no
 * Suspense part was replaced by an error (React marks those with data-dgst).
 */
export function dashboardProblem(status: number, body: string): string | null {
  if (status !== 200) return `HTTP ${status}`;
  if (body.includes('data-dgst=')) return 'a widget failed on the server';
  if (!body.includes('data-testid="kpi-cards"')) return 'no KPI cards in the page';
  if (!body.includes('</html>')) return 'page cut short';
  return null;
}

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
    return { target: target.name, ms: performance.now() - started, error: dashboardProblem(res.status, body) };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const error = name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `network: ${err instanceof Error ? err.message : String(err)}`;
    return { target: target.name, ms: performance.now() - started, error };
  }
}

/**
 * `users` closed-loop virtual users for `seconds`, user i starting on target i (mod the targets) and
 * moving on to the next target after each request, so every target sees the same mix of load. With
 * several server instances, user i stays on instance i (mod the instances), as a load balancer with
 * sticky sessions would place them.
 */
export async function runLoad(
  baseUrls: readonly string[],
  targets: readonly LoadTarget[],
  opts: { users: number; seconds: number; timeoutMs?: number; onProgress?: (done: number, errors: number) => void },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = performance.now() + opts.seconds * 1000;
  let errors = 0;
  const tick = opts.onProgress && setInterval(() => opts.onProgress!(samples.length, errors), 10_000);
  const user = async (i: number) => {
    for (let n = i; performance.now() < deadline; n++) {
      const s = await fetchPage(baseUrls[i % baseUrls.length], targets[n % targets.length], opts.timeoutMs ?? 30_000);
      if (s.error) errors++;
      samples.push(s);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.users }, (_, i) => user(i)));
  } finally {
    if (tick) clearInterval(tick);
  }
  return samples;
}

export function buildReport(
  samples: readonly Sample[],
  targets: readonly LoadTarget[],
  meta: Omit<LoadReport, 'throughput' | 'overall' | 'byTarget' | 'errorKinds'>,
): LoadReport {
  const errorKinds: Record<string, number> = {};
  for (const s of samples) if (s.error) errorKinds[s.error] = (errorKinds[s.error] ?? 0) + 1;
  return {
    ...meta,
    throughput: samples.length / meta.seconds,
    overall: summarize(samples),
    byTarget: targets.map((t) => ({ name: t.name, path: t.path, ...summarize(samples.filter((s) => s.target === t.name)) })),
    errorKinds,
  };
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** One run's paragraph and table (a section holds one per server set-up). */
export function renderLoadRun(r: LoadReport): string {
  const ok = r.overall.errors === 0 && r.overall.p95 <= 1000;
  const procs = r.instances === 1 ? 'One server process (`npm start`)' : `${r.instances} server processes (one per core)`;
  const setup = r.writesPerMinute ? `${procs}, ${r.writesPerMinute} ticket saves a minute` : procs;
  const lines = [
    `### ${setup}`,
    '',
    `Measured ${r.date.slice(0, 10)} with \`${r.command}\` on ${r.machine}; ${r.database}, ${r.scale} scale.`,
    '',
    `**${r.users} users for ${r.seconds} s: ${r.overall.requests.toLocaleString('en-US')} pages, ${r.overall.errors} errors, ` +
      `p95 ${ms(r.overall.p95)} ms — ${ok ? 'target met' : 'target missed'}.** ` +
      `Throughput ${r.throughput.toFixed(1)} pages/s; p50 ${ms(r.overall.p50)} ms, p99 ${ms(r.overall.p99)} ms, max ${ms(r.overall.max)} ms` +
      `${r.serverPeakRssMb != null ? `; peak RSS ${r.serverPeakRssMb.toFixed(0)} MB (${r.instances === 1 ? 'the server' : 'the servers together'})` : ''}.`,
    '',
    '| page | requests | errors | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...r.byTarget.map((t) => `| ${t.name}: \`${t.path}\` | ${t.requests} | ${t.errors} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${ms(t.max)} |`),
    '',
  ];
  const kinds = Object.entries(r.errorKinds);
  if (kinds.length) lines.push(`Errors: ${kinds.map(([k, n]) => `${k} × ${n}`).join('; ')}.`, '');
  return lines.join('\n');
}

/** The "Dashboard under load" section of docs/performance.md: every set-up measured, then the notes. */
export function renderLoadSection(runs: readonly LoadReport[], notes: string): string {
  const heading = '## Dashboard under load';
  if (!runs.length) return `${heading}\n\nNot measured yet: \`npm run bench:load\`.\n`;
  const lines = [heading, '', 'Target (targets.md): the dashboard page under 50 concurrent users for 60 s, 0 errors, p95 ≤ 1 s.', ''];
  for (const r of [...runs].sort((a, b) => a.instances - b.instances || (a.writesPerMinute ?? 0) - (b.writesPerMinute ?? 0))) lines.push(renderLoadRun(r));
  if (notes.trim()) lines.push(notes.trim(), '');
  return lines.join('\n');
}
