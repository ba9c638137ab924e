// What the e2e server (scripts/e2e-server.ts) tells the specs: where its fresh database is.
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '@/db/schema/enums';

/** E2E_AUTH_DIR lets two runs (say, on two ports) keep their sessions and state apart. */
export const AUTH_DIR = process.env.E2E_AUTH_DIR ? path.resolve(process.env.E2E_AUTH_DIR) : path.join(process.cwd(), 'e2e', '.auth');
export const STATE_FILE = path.join(AUTH_DIR, 'server.json');

export interface DemoUserInfo { email: string; name: string; role: Role; department: string | null; active: boolean }

export interface E2eServerState {
  kind: 'postgres' | 'pglite';
  baseURL: string;
  /** Postgres: the fresh database (direct, not through the relay the app uses). */
  databaseUrl?: string;
  /** Postgres: create this file to cut the app off its database, remove it to restore. */
  dbDownFlag?: string;
  /** PGlite: the data folder (locked by the server while it runs). */
  dataDir?: string;
  /** The demo sign-ins as stored (names come from the seed). */
  demoUsers?: Record<string, DemoUserInfo>;
  pid: number;
  /** The server's pinned clock (APP_NOW, an ISO date-time): the seed's "now" and every period's. */
  appNow?: string;
}

export function readServerState(): E2eServerState {
  if (!fs.existsSync(STATE_FILE)) throw new Error(`${STATE_FILE} is missing: is the e2e server (scripts/e2e-server.ts) running?`);
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as E2eServerState;
}
