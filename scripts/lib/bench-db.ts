// The benchmark databases on the local PostgreSQL (crm_bench, crm_bench_medium, …): created when
// missing, seeded with the demo seed when empty, reused otherwise. Shared by `npm run bench` and
// `npm run bench:load`, so both measure the same data.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { DbHandle } from '@/db/client';
import { DEMO_SCALES, isDemoScale, type DemoScale } from '@/lib/demo/config';
import { tableSizes } from './bench/run';

/** A --scale option: one of the demo seed's scales, else the CLI stops with exit code 2. */
export function benchScale(value: string, cli: string, option = 'scale'): DemoScale {
  if (isDemoScale(value)) return value;
  process.stderr.write(`${cli}: --${option} must be one of ${DEMO_SCALES.join(', ')}\n`);
  process.exit(2);
}

/** The default bench database of a scale (crm_bench for large, crm_bench_<scale> for the others). */
export function benchDatabaseUrl(scale: string): string {
  return process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/crm_bench${scale === 'large' ? '' : `_${scale}`}`;
}

/** Creates the bench database when missing (or anew with `fresh`). */
export async function ensureDatabase(dbUrl: string, fresh: boolean, log: (s: string) => void): Promise<void> {
  const u = new URL(dbUrl);
  const name = u.pathname.slice(1);
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = '/postgres';
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    if (fresh) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    const [row] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!row) {
      log(`creating database ${name}`);
      await admin.unsafe(`create database "${name}"`);
    }
  } finally {
    await admin.end();
  }
}

/** Seeds `scale` with the demo seed unless the database already holds CRM data. Returns the seed time. */
export async function ensureSeeded(handle: DbHandle, scale: string, env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<number | undefined> {
  if ((await tableSizes(handle.db)).accounts > 0) {
    log('database already seeded: reusing it');
    return undefined;
  }
  if (!fs.existsSync(path.join(process.cwd(), 'scripts', 'seed.ts'))) {
    throw new Error('the demo seed (scripts/seed.ts, lib/demo) is not available: seed the database yourself, then rerun');
  }
  log(`seeding scale ${scale} (npm run db:seed)`);
  const started = performance.now();
  execFileSync('npm', ['run', '--silent', 'db:seed', '--', '--scale', scale], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  return (performance.now() - started) / 1000;
}
