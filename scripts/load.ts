// The dashboard under load (targets.md "Under load"), written to the "Dashboard under load" section of
// docs/performance.md and kept in docs/bench-load.json (the latest run of each scale, instance count
// and write rate).
//   npm run bench:load -- [--scale small|medium|large|xlarge] [--url postgres://…/crm_bench_medium] [--users N] [--seconds 60]
//                         [--writes-per-second 0] [--pace PAGES_PER_SECOND] [--instances 1] [--port 3300] [--no-build] [--no-write]
//                         [--render-only] (the doc section again from docs/bench-load.json)
// Prepares the bench database of the scale (created and seeded when missing, as `npm run bench` does),
// builds the app when the build is stale (into NEXT_DIST_DIR when set; --no-build uses the build as it
// is), starts the production server against that database, then signs in **every active seeded user
// as themselves** (--users N: the first N by id) through next-auth, a few at a time, before the measured
// window. Each user is one closed-loop virtual user on their own default dashboard and two KPI pages of
// their department (scripts/lib/load-users.ts); every page is opened once to warm up first.
// --writes-per-second N: during the run a writer saves a deal and a ticket alternately, N a second,
// through the record forms' own path (scripts/lib/load-writer.ts: zod form schema, saveRecord as the
// record's owner); the achieved rate and the save latency are reported.
// --pace R: the users together open R pages a second, each on a schedule and never two at a time
// (lib/load-test.ts runLoad), instead of each opening the next page the moment the last one arrives.
// Without it a page waits behind one page of every other user (its p95 is about users ÷ pages/s);
// with it the p95 is the wait at rate R. Runs are kept per (scale, instances, writes, pace).
// --instances N starts N servers (ports 3300, 3301, …) sharing one NEXTAUTH_SECRET, as N instances
// behind a load balancer; users are spread over them. The servers are stopped at the end, also on
// errors and Ctrl-C. --no-write prints the report instead of writing the files.
import { execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDb, queryRows } from '@/db/client';
import { DEMO_PASSWORD } from '@/lib/demo';
import { machineInfo } from './lib/bench/report';
import { benchDatabaseUrl, benchScale, ensureDatabase, ensureSeeded } from './lib/bench-db';
import { replaceSection } from './lib/doc-sections';
import { LOAD_NOTES } from './lib/load-notes';
import { loadAverage, serverRssMb, startCpuMeter } from './lib/load-machine';
import { buildReport, renderLoadSection, type LoadReport } from './lib/load-report';
import { fetchPage, mapPool, runLoad, type VirtualUser } from './lib/load-test';
import { activeUsers, roleCounts, signInAll } from './lib/load-users';
import { startWriter, type WriteStats } from './lib/load-writer';
import { buildIsStale, distDir, runNextBuild, spawnNextStart } from './lib/next-server';

const ROOT = process.cwd();
const RESULTS = path.join(ROOT, 'docs', 'bench-load.json');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const log = (s: string) => process.stderr.write(`load: ${s}\n`);

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'medium' }, url: { type: 'string' }, users: { type: 'string' },
    seconds: { type: 'string', default: '60' }, port: { type: 'string', default: '3300' }, instances: { type: 'string', default: '1' },
    'writes-per-second': { type: 'string', default: '0' }, pace: { type: 'string' }, 'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false }, 'render-only': { type: 'boolean', default: false },
  },
});
const scale = benchScale(args.scale!, 'bench:load');
const url = args.url ?? benchDatabaseUrl(scale);
const userCap = args.users ? Math.max(1, Number(args.users)) : null;
const seconds = Math.max(1, Number(args.seconds));
const instances = Math.max(1, Number(args.instances));
const writesPerSecond = Math.max(0, Number(args['writes-per-second']));
const pace = args.pace ? Number(args.pace) : null;
if (pace != null && !(pace > 0)) throw new Error(`--pace wants pages a second, more than 0 (got ${args.pace})`);
const ports = Array.from({ length: instances }, (_, i) => Number(args.port) + i);
const baseUrls = ports.map((p) => `http://localhost:${p}`);
// A throwaway secret shared by the instances: the sessions of this run are not kept.
const SECRET = crypto.randomBytes(32).toString('base64url');
const COMMIT_FILE = () => path.join(ROOT, distDir(), 'bench-load-commit');

function startServer(port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: url, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: '1',
    NEXTAUTH_SECRET: SECRET,
  };
  delete env.DATABASE_READ_URL;
  const child = spawnNextStart(port, env, ['ignore', 'ignore', 'pipe']);
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`server: ${d}`));
  return child;
}

async function waitForServer(child: ChildProcess, base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode != null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not answer within 120 s');
}

/** HEAD, marked +dirty when the app's sources had uncommitted changes. */
function currentCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'app', 'lib', 'db', 'proxy.ts'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

/** `next build` adds its dist folder's type globs to tsconfig.json; a side folder's are taken out again. */
function dropDistFromTsconfig(dist: string): void {
  if (dist === '.next') return;
  const file = path.join(ROOT, 'tsconfig.json');
  const text = fs.readFileSync(file, 'utf8');
  const esc = dist.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out = text.replace(new RegExp(`^\\s*"${esc}/(dev/)?types/\\*\\*/\\*\\.ts",?\\r?\\n`, 'gm'), '').replace(/,(\s*\n\s*\])/g, '$1');
  if (out !== text) fs.writeFileSync(file, out);
}

function build(): string {
  if (args['no-build'] || !buildIsStale()) {
    if (args['no-build']) log(`using the build in ${distDir()} as it is (--no-build)`);
    return fs.existsSync(COMMIT_FILE()) ? fs.readFileSync(COMMIT_FILE(), 'utf8').trim() : currentCommit();
  }
  const commit = currentCommit();
  log(`building the app (next build into ${distDir()}) at ${commit}`);
  const ok = runNextBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  dropDistFromTsconfig(distDir());
  if (!ok) throw new Error('next build failed');
  fs.writeFileSync(COMMIT_FILE(), `${commit}\n`);
  return commit;
}

/** The kept runs; runs of the old method (three shared identities, writes per minute) are dropped. */
function loadRuns(): LoadReport[] {
  try {
    const data = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as LoadReport[];
    return (Array.isArray(data) ? data : []).filter((r) => typeof r.writesPerSecond === 'number' && Array.isArray(r.byGroup));
  } catch {
    return [];
  }
}

function writeDoc(runs: LoadReport[]): void {
  const old = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : null;
  fs.writeFileSync(DOC, replaceSection(old, renderLoadSection(runs, LOAD_NOTES)));
}

/** Opens every page once (a cold page is not what a team sees all day); a KPI page the user is refused is dropped. */
async function warmUp(users: VirtualUser[]): Promise<void> {
  const started = performance.now();
  let dropped = 0;
  await mapPool(users, 4, async (u, i) => {
    const kept = [];
    for (const t of u.targets) {
      const s = await fetchPage(baseUrls[i % baseUrls.length], t, 120_000);
      if (s.error === 'HTTP 403' && t.kind === 'kpi') { dropped++; continue; }
      if (s.error) throw new Error(`${u.email}: ${t.path} is not a good page before any load: ${s.error}`);
      kept.push(t);
    }
    u.targets = kept;
  });
  log(`warmed up ${users.reduce((n, u) => n + u.targets.length, 0)} pages in ${((performance.now() - started) / 1000).toFixed(0)} s${dropped ? `; ${dropped} KPI pages refused (403) and left out` : ''}`);
}

async function measure(users: VirtualUser[], servers: ChildProcess[]) {
  const writerDb = writesPerSecond ? await openDb({ url, max: 3, migrate: false }) : null;
  // A connection of its own lists this database's backends (the servers' pools, the writer's) for their CPU.
  const monitor = postgres(url, { max: 1, onnotice: () => {} });
  const backends = async () => (await monitor<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`).map((r) => r.pid);
  let peakRss: number | null = null;
  const sampler = setInterval(() => {
    const all = servers.map((s) => serverRssMb(s.pid!));
    if (all.every((r) => r != null)) peakRss = Math.max(peakRss ?? 0, all.reduce((a, b) => a! + b!, 0)!);
  }, 1000);
  const before = loadAverage();
  log(`${users.length} users for ${seconds} s${pace ? `, paced at ${pace} pages a second` : ''}${writesPerSecond ? `, ${writesPerSecond} saves a second` : ''} (load average ${before})`);
  const meter = await startCpuMeter(servers.map((s) => s.pid!), backends);
  const writer = writerDb ? startWriter(writerDb.db, writesPerSecond, log) : null;
  let writes: WriteStats | null = null;
  try {
    const samples = await runLoad(baseUrls, users, { seconds, pace, onProgress: (done, errors) => log(`${done} pages, ${errors} errors`) });
    const cpu = await meter.stop();
    writes = writer ? await writer.stop() : null;
    return { samples, writes, peakRss, cpu, loadAvg: { before, after: loadAverage() } };
  } finally {
    clearInterval(sampler);
    if (writer && !writes) await writer.stop();
    await writerDb?.close();
    await monitor.end({ timeout: 5 });
  }
}

async function main(): Promise<void> {
  if (args['render-only']) {
    writeDoc(loadRuns());
    return;
  }
  await ensureDatabase(url, false, log);
  const handle = await openDb({ url, max: 2 });
  let database: string;
  let seeded;
  try {
    await ensureSeeded(handle, scale, { ...process.env, DATABASE_URL: url }, log);
    const [v] = await queryRows<{ v: string }>(handle.db, sql`select current_setting('server_version') as v`);
    database = `PostgreSQL ${v.v.replace(/ \(.*\)$/, '')}, ${scale} scale`;
    seeded = await activeUsers(handle.db, userCap);
  } finally {
    await handle.close();
  }
  const commit = build();

  log(`starting ${instances} server(s) on ${baseUrls.join(', ')} against ${new URL(url).pathname.slice(1)}`);
  const servers = ports.map((p) => startServer(p));
  const stop = () => { for (const s of servers) if (s.exitCode == null) s.kill('SIGTERM'); };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  try {
    await Promise.all(servers.map((s, i) => waitForServer(s, baseUrls[i])));
    const users = await signInAll(baseUrls[0], seeded, DEMO_PASSWORD, log);
    await warmUp(users);
    const run = await measure(users, servers);

    const command = ['npm run bench:load', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
    const report = buildReport(run.samples, {
      date: new Date().toISOString(), commit, machine: machineInfo(), database, scale, users: users.length, roles: roleCounts(seeded),
      seconds, instances, loadAvg: run.loadAvg, serverCpuShare: run.cpu.serverCores, dbCpuShare: run.cpu.dbCores, writesPerSecond, pace, writes: run.writes, serverPeakRssMb: run.peakRss, command,
    });
    const o = report.overall;
    log(`${o.requests} pages, ${o.errors} errors, ${report.throughput.toFixed(1)}/s, p50 ${o.p50.toFixed(0)} ms, p95 ${o.p95.toFixed(0)} ms, max ${o.max.toFixed(0)} ms; load average ${run.loadAvg.before} → ${run.loadAvg.after}; CPU: server ${run.cpu.serverCores?.toFixed(2)}, database ${run.cpu.dbCores?.toFixed(2)} cores`);
    if (run.writes) log(`writes ${run.writes.achievedPerSecond.toFixed(2)}/s (${run.writes.saved} saved, ${run.writes.failed} failed), save p50 ${run.writes.latency.p50.toFixed(0)} ms, p95 ${run.writes.latency.p95.toFixed(0)} ms`);
    if (args['no-write']) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const same = (r: LoadReport) => r.scale === scale && r.instances === instances && r.writesPerSecond === writesPerSecond && (r.pace ?? null) === pace;
    const runs = [...loadRuns().filter((r) => !same(r)), report];
    fs.writeFileSync(RESULTS, `${JSON.stringify(runs, null, 2)}\n`);
    writeDoc(runs);
    log(`wrote ${path.relative(ROOT, RESULTS)} and the load section of ${path.relative(ROOT, DOC)}`);
  } finally {
    stop();
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
