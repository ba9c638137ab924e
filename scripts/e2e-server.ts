// The one production server all Playwright specs share (playwright.config.ts webServer), on a FRESH
// database every run:
//   DATABASE_URL set: a new database crm_e2e_<pid> on that server, reached through a small TCP relay
//     the harness can cut (e2e/db-outage.resilience.spec.ts: "the database goes down under the app");
//   otherwise: a new PGlite folder .data/e2e-<timestamp> (older ones are removed).
// Then: migrate, seed the demo company at small scale, make sure the demo sign-ins exist, and
// `next start` on port 3100. Specs find the database through e2e/.auth/server.json.
// The clock is pinned (APP_NOW, lib/clock.ts) for the seed and the server alike, by default to
// 2026-12-01T18:00:00Z: every run seeds the same data and sees the same numbers (reproducible), on the
// first of a month (the day "this month" is one day old, where comparisons used to fail), after that
// day's business hours. Specs that reckon dates from their own clock only pick ranges and goal dates;
// they compare what two users see, not fixed values, so a later real date does not break them.
// Needs a prior `next build` (npm run test:e2e does both).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { openDb } from '@/db/client';
import { isAlive } from '@/db/folder-lock';
import { ensureDemoSignIns, describeDemoUsers } from './lib/e2e-demo-users';
import { STATE_FILE, type E2eServerState } from './lib/e2e-server-state';
import { NEXT_START_NODE_ARGS } from './lib/next-server';
import { withDatabase } from './lib/postgres-url';

const ROOT = process.cwd();
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// A fixed, test-only secret: the e2e database is thrown away after the run.
const SECRET = process.env.E2E_NEXTAUTH_SECRET ?? 'e2e-only-secret-0123456789abcdef0123456789abcdef';
const log = (...a: unknown[]) => console.log('[e2e-server]', ...a);

async function createPostgresDb(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  // Databases of earlier runs whose harness died without cleaning up.
  const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'crm\\_e2e\\_%'`;
  for (const { datname } of stale) {
    const pid = Number(datname.split('_')[2]);
    if (pid && pid !== process.pid && !isAlive(pid)) {
      log('dropping stale database', datname);
      await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
  }
  const name = `crm_e2e_${process.pid}`;
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const a = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await a.end();
    },
  };
}

/**
 * A TCP relay in front of Postgres. While `flagFile` exists it refuses connections and has cut the
 * open ones, which is what the app sees when the database server goes down; it resumes when the file
 * is removed. Part of the test harness, not of the app.
 */
async function startDbRelay(target: { host: string; port: number }, flagFile: string): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  let down = false;
  const timer = setInterval(() => {
    const wantDown = fs.existsSync(flagFile);
    if (wantDown === down) return;
    down = wantDown;
    if (down) {
      log('database relay: DOWN');
      server.close();
      for (const s of sockets) s.destroy();
      sockets.clear();
    } else {
      log('database relay: UP');
      server.listen(port, '127.0.0.1');
    }
  }, 100);
  return { port, close: () => { clearInterval(timer); server.close(); for (const s of sockets) s.destroy(); } };
}

function freshPgliteDir(): string {
  const dataRoot = path.join(ROOT, '.data');
  fs.mkdirSync(dataRoot, { recursive: true });
  for (const entry of fs.readdirSync(dataRoot)) {
    if (!/^e2e-\d+$/.test(entry)) continue;
    const lock = path.join(dataRoot, `${entry}.lock`);
    const owner = fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8')) : 0;
    if (owner && isAlive(owner)) continue; // another run is using it
    fs.rmSync(path.join(dataRoot, entry), { recursive: true, force: true });
    fs.rmSync(lock, { force: true });
  }
  return path.join(dataRoot, `e2e-${Date.now()}`);
}

/** The e2e clock: the first of a month, after the demo's business hours (that day's data is all there). */
const E2E_APP_NOW = '2026-12-01T18:00:00.000Z';

/** Runs the demo seed (npm run db:seed -- --scale small) when the project has it. */
function seedDemo(env: NodeJS.ProcessEnv): boolean {
  const script = path.join(ROOT, 'scripts', 'seed.ts');
  if (!fs.existsSync(script)) {
    log('scripts/seed.ts not found: only the demo sign-ins are created');
    return false;
  }
  const started = Date.now();
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [script, '--scale', process.env.E2E_SEED_SCALE ?? 'small'], {
    env, stdio: 'inherit', cwd: ROOT,
  });
  if (r.status !== 0) throw new Error(`seed failed (exit ${r.status})`);
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `next build` first (npm run test:e2e does).');
  }
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXTAUTH_URL: BASE_URL,
    NEXTAUTH_SECRET: SECRET,
  };
  delete env.DATABASE_READ_URL;
  env.APP_NOW = process.env.APP_NOW || E2E_APP_NOW;
  const cleanups: (() => Promise<void> | void)[] = [];
  const state: E2eServerState = { kind: process.env.DATABASE_URL ? 'postgres' : 'pglite', baseURL: BASE_URL, pid: process.pid, appNow: env.APP_NOW };
  log('clock pinned: APP_NOW', env.APP_NOW);

  if (process.env.DATABASE_URL) {
    const created = await createPostgresDb(process.env.DATABASE_URL);
    cleanups.push(created.drop);
    const target = new URL(created.url);
    const dbDownFlag = path.join(path.dirname(STATE_FILE), `db-down-${process.pid}`);
    fs.rmSync(dbDownFlag, { force: true });
    const relay = await startDbRelay({ host: target.hostname, port: Number(target.port || 5432) }, dbDownFlag);
    cleanups.unshift(() => { relay.close(); fs.rmSync(dbDownFlag, { force: true }); });
    const viaRelay = new URL(created.url);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    env.DATABASE_URL = viaRelay.toString();
    Object.assign(state, { databaseUrl: created.url, dbDownFlag });
    log('database', created.url, 'via relay port', relay.port);
  } else {
    const dataDir = freshPgliteDir();
    env.PGLITE_DATA_DIR = dataDir;
    delete env.DATABASE_URL;
    state.dataDir = dataDir;
    log('PGlite folder', dataDir);
  }

  const shutdown = async (code: number) => {
    for (const c of cleanups) await Promise.resolve(c()).catch(() => {});
    fs.rmSync(STATE_FILE, { force: true });
    process.exit(code);
  };

  try {
    // Migrate (and, without the seed, create the demo sign-ins) in this process, then let go of the
    // database (PGlite: the lock) before the app server opens it.
    const open = () => openDb(state.kind === 'postgres' ? { url: state.databaseUrl } : { dataDir: state.dataDir });
    await (await open()).close();
    // The seed runs with spawnSync, which blocks this process and so the relay in it: seed directly.
    seedDemo(state.databaseUrl ? { ...env, DATABASE_URL: state.databaseUrl } : env);
    const handle = await open();
    const created = await ensureDemoSignIns(handle.db);
    if (created.length) log('created demo sign-ins the seed did not:', created.join(', '));
    state.demoUsers = await describeDemoUsers(handle.db);
    await handle.close();
  } catch (err) {
    console.error('[e2e-server] preparing the database failed:', err);
    await shutdown(1);
  }
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));

  const app = spawn(process.execPath, [...NEXT_START_NODE_ARGS, '-p', String(PORT)], { env, stdio: 'inherit', cwd: ROOT });
  app.on('exit', (code) => { void shutdown(code ?? 0); });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      app.kill('SIGTERM');
      // The app's exit triggers shutdown(); make sure we go even if it hangs.
      setTimeout(() => { app.kill('SIGKILL'); void shutdown(0); }, 8000).unref();
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
