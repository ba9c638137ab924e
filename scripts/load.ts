// The dashboard under load, written to the "Dashboard under load" section of docs/performance.md.
//   npm run bench:load -- [--scale medium] [--url postgres://…/crm_bench_medium] [--users 50] [--seconds 60]
//                         [--instances 1] [--port 3300] [--no-write]
//                         [--writes-per-minute 0] [--render-only] (the doc section again from docs/bench-load.json)
// --writes-per-minute N saves a ticket N times a minute through a connection of its own during the run
// (as support agents would): each save invalidates the cached results that read tickets.
// Prepares the bench database of the scale (created and seeded when missing, as `npm run bench` does),
// builds the app when the build is stale, starts the production server against that database, signs
// in the demo users through next-auth, warms every page once, then runs the closed-loop virtual users
// of scripts/lib/load-test.ts. The servers are stopped at the end, also on errors and Ctrl-C.
// --instances N starts N servers (ports 3300, 3301, …; one per core is how docs/scaling.md deploys)
// sharing one NEXTAUTH_SECRET, as N instances behind a load balancer; users are spread over them.
// docs/bench-load.json keeps the latest run of each instance count; the doc shows them all.
import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDb, queryRows } from '@/db/client';
import { DEMO_PASSWORD } from '@/lib/demo';
import { LOAD_NOTES } from '@/lib/kpi/bench/notes';
import { machineInfo } from '@/lib/kpi/bench/report';
import { benchDatabaseUrl, ensureDatabase, ensureSeeded } from './lib/bench-db';
import { replaceSection } from './lib/doc-sections';
import { buildIsStale, runNextBuild, spawnNextStart } from './lib/next-server';
import { buildReport, fetchPage, renderLoadSection, runLoad, signIn, type LoadReport, type LoadTarget } from './lib/load-test';

const ROOT = process.cwd();
const RESULTS = path.join(ROOT, 'docs', 'bench-load.json');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const log = (s: string) => process.stderr.write(`load: ${s}\n`);

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'medium' }, url: { type: 'string' }, users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' }, port: { type: 'string', default: '3300' }, instances: { type: 'string', default: '1' },
    'no-write': { type: 'boolean', default: false }, 'render-only': { type: 'boolean', default: false },
    'writes-per-minute': { type: 'string', default: '0' },
  },
});
const scale = args.scale!;
const url = args.url ?? benchDatabaseUrl(scale);
const users = Math.max(1, Number(args.users));
const seconds = Math.max(1, Number(args.seconds));
const instances = Math.max(1, Number(args.instances));
const writesPerMinute = Math.max(0, Number(args['writes-per-minute']));
const ports = Array.from({ length: instances }, (_, i) => Number(args.port) + i);
const baseUrls = ports.map((p) => `http://localhost:${p}`);
const baseUrl = baseUrls[0];
// A throwaway secret shared by the instances: the sessions of this run are not kept.
const SECRET = crypto.randomBytes(32).toString('base64url');

/** Which pages the virtual users open, as whom: every department's dashboard in its default period. */
const PAGES: { name: string; path: string; as: string }[] = [
  { name: 'executive (admin)', path: '/dashboard', as: 'admin@demo.test' },
  { name: 'sales (manager)', path: '/dashboard', as: 'manager@demo.test' },
  { name: 'sales (member)', path: '/dashboard', as: 'member@demo.test' },
  { name: 'marketing (admin)', path: '/dashboard?dept=marketing', as: 'admin@demo.test' },
  { name: 'support (admin)', path: '/dashboard?dept=support', as: 'admin@demo.test' },
  { name: 'success (admin)', path: '/dashboard?dept=success', as: 'admin@demo.test' },
  { name: 'operations (admin)', path: '/dashboard?dept=operations', as: 'admin@demo.test' },
];

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
  for (let i = 0; i < 120; i++) {
    if (child.exitCode != null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not answer within 60 s');
}

/** Resident memory of the server and its children, in MB (Linux; null elsewhere). */
function serverRssMb(pid: number): number | null {
  const r = spawnSync('ps', ['-o', 'rss=', '--pid', String(pid), '--ppid', String(pid)], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const kb = r.stdout.split('\n').map(Number).filter((n) => n > 0).reduce((a, b) => a + b, 0);
  return kb ? kb / 1024 : null;
}

/** The kept runs (one per instance count); a file from before --instances held a single one-instance run. */
function loadRuns(): LoadReport[] {
  try {
    const data = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as LoadReport | LoadReport[];
    return (Array.isArray(data) ? data : [data]).map((r) => ({ ...r, instances: r.instances ?? 1 }));
  } catch {
    return [];
  }
}

function writeDoc(runs: LoadReport[]): void {
  const old = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : null;
  fs.writeFileSync(DOC, replaceSection(old, renderLoadSection(runs, LOAD_NOTES)));
}

/** Saves a random ticket (its updated_at) `perMinute` times a minute; stop() says how many it saved. */
function startTicketWriter(perMinute: number): { stop: () => Promise<number> } {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  let saved = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    db`update tickets set updated_at = now()
       where id = (select id from tickets offset floor(random() * (select count(*) from tickets)) limit 1)`
      .then(() => { saved++; }, (err: Error) => log(`ticket save failed: ${err.message}`))
      .finally(() => { busy = false; });
  }, 60_000 / perMinute);
  return { stop: async () => { clearInterval(timer); await db.end({ timeout: 5 }); return saved; } };
}

async function main(): Promise<void> {
  if (args['render-only']) {
    writeDoc(loadRuns());
    return;
  }
  await ensureDatabase(url, false, log);
  const handle = await openDb({ url, max: 2 });
  let database: string;
  try {
    await ensureSeeded(handle, scale, { ...process.env, DATABASE_URL: url }, log);
    const [v] = await queryRows<{ v: string }>(handle.db, sql`select current_setting('server_version') as v`);
    database = `PostgreSQL ${v.v}`;
  } finally {
    await handle.close();
  }

  if (buildIsStale()) {
    log('building the app (next build)');
    if (!runNextBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' })) throw new Error('next build failed');
  }

  log(`starting ${instances} server(s) on ${baseUrls.join(', ')} against ${new URL(url).pathname.slice(1)}`);
  const servers = ports.map((p) => startServer(p));
  const stop = () => { for (const s of servers) if (s.exitCode == null) s.kill('SIGTERM'); };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  try {
    await Promise.all(servers.map((s, i) => waitForServer(s, baseUrls[i])));
    const cookies = new Map<string, string>();
    for (const email of new Set(PAGES.map((p) => p.as))) cookies.set(email, await signIn(baseUrl, email, DEMO_PASSWORD));
    const targets: LoadTarget[] = PAGES.map((p) => ({ name: p.name, path: p.path, cookie: cookies.get(p.as)! }));

    for (const base of baseUrls) {
      for (const t of targets) {
        const s = await fetchPage(base, t, 60_000);
        if (s.error) throw new Error(`${t.name} (${t.path}) is not a good page before any load: ${s.error}`);
        log(`warm-up ${t.name} on ${base}: ${s.ms.toFixed(0)} ms`);
      }
    }

    let peakRss: number | null = null;
    const sampler = setInterval(() => {
      const all = servers.map((s) => serverRssMb(s.pid!));
      if (all.every((r) => r != null)) peakRss = Math.max(peakRss ?? 0, all.reduce((a, b) => a! + b!, 0)!);
    }, 1000);
    log(`${users} users for ${seconds} s${writesPerMinute ? `, ${writesPerMinute} ticket saves a minute` : ''}`);
    const writer = writesPerMinute ? startTicketWriter(writesPerMinute) : null;
    const samples = await runLoad(baseUrls, targets, {
      users, seconds, onProgress: (done, errors) => log(`${done} pages, ${errors} errors`),
    }).finally(async () => {
      clearInterval(sampler);
      if (writer) log(`${await writer.stop()} tickets saved`);
    });

    const command = ['npm run bench:load', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
    const report: LoadReport = buildReport(samples, targets, {
      date: new Date().toISOString(), machine: machineInfo(), database, scale, users, seconds, instances, writesPerMinute, serverPeakRssMb: peakRss, command,
    });
    const o = report.overall;
    log(`${o.requests} pages, ${o.errors} errors, ${report.throughput.toFixed(1)}/s, p50 ${o.p50.toFixed(0)} ms, p95 ${o.p95.toFixed(0)} ms, p99 ${o.p99.toFixed(0)} ms, max ${o.max.toFixed(0)} ms`);
    if (args['no-write']) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const same = (r: LoadReport) => r.instances === instances && (r.writesPerMinute ?? 0) === writesPerMinute;
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
