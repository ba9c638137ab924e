// Running Next.js from our scripts: is the production build current, build it, start it (forwarding
// Ctrl-C and kill to the server so it never outlives us).
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
/** The build's folder: NEXT_DIST_DIR as next.config.mjs reads it (several builds can live side by side). */
export const distDir = () => process.env.NEXT_DIST_DIR || '.next';
const buildIdPath = () => path.join(ROOT, distDir(), 'BUILD_ID');
/** What a production build is made of; tests and scripts are not. */
const SOURCES = ['app', 'lib', 'db', 'public', 'proxy.ts', 'middleware.ts', 'next.config.mjs', 'package.json', 'tsconfig.json'];

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try { stat = fs.statSync(p); } catch { return 0; }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function hasBuild(): boolean {
  return fs.existsSync(buildIdPath());
}

/** True when there is no build, or a source file changed after it. */
export function buildIsStale(): boolean {
  if (!hasBuild()) return true;
  const built = fs.statSync(buildIdPath()).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

export function runNextBuild(env: NodeJS.ProcessEnv): boolean {
  const r = spawnSync(process.execPath, [NEXT_BIN, 'build'], { env, stdio: 'inherit', cwd: ROOT });
  return r.status === 0;
}

/**
 * Node's arguments for `next start`: Node's own error answers (431 for a URL over 16 KB, 400) get the
 * security headers (http-error-headers.cjs). `next start` run by hand goes without.
 */
export const NEXT_START_NODE_ARGS = [
  // A young generation of 64 MB semi-spaces instead of 16: rendering a dashboard allocates ~100 KB of
  // HTML and flight data and many short-lived objects, and with the default the collector took 11 % of
  // the server's time under load; bench:load at medium with writes went from 33-35 to 37-39 pages/s.
  '--max-semi-space-size=64',
  '--require', path.join(ROOT, 'scripts', 'lib', 'http-error-headers.cjs'), NEXT_BIN, 'start',
];

/**
 * `next start` on `port` as a child process (the caller stops it). SERVER_CPU_PROF_DIR=DIR writes the
 * server's CPU profile there when it stops (how docs/performance.md's load profile was taken).
 */
export function spawnNextStart(port: number, env: NodeJS.ProcessEnv, stdio: StdioOptions = 'inherit'): ChildProcess {
  const prof = process.env.SERVER_CPU_PROF_DIR;
  return spawn(process.execPath, [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), ...NEXT_START_NODE_ARGS, '-p', String(port)], { env, stdio, cwd: ROOT });
}

/** Starts `next start` and resolves with its exit code; SIGINT/SIGTERM are passed on to it. */
export function startNext(port: number, env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawnNextStart(port, env);
  const forward = (signal: NodeJS.Signals) => () => { child.kill(signal); };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 0 : 1));
    });
    child.on('error', (err) => {
      console.error(`could not start next: ${err.message}`);
      resolve(1);
    });
  });
}
