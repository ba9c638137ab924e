// How our command-line scripts end: a clear one-line message for expected failures (the embedded
// database is held by a running server), the error for anything else, and the database released.
import { closeDb } from '@/db/client';
import { DatabaseLockedError } from '@/db/folder-lock';

export async function runCli(name: string, main: () => Promise<number | void>): Promise<void> {
  let code = 0;
  try {
    code = (await main()) ?? 0;
  } catch (err) {
    code = 1;
    if (err instanceof DatabaseLockedError || (err instanceof Error && err.name === 'DatabaseLockedError')) console.error(`${name}: ${err.message}`);
    else if (process.env.DEBUG) console.error(err);
    else console.error(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await closeDb().catch(() => {});
  }
  process.exit(code);
}

/** Where the database commands act, in words. */
export function describeTarget(): string {
  const url = process.env.DATABASE_URL;
  if (url) {
    const u = new URL(url);
    return `Postgres ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `the embedded database in ${process.env.PGLITE_DATA_DIR || '.data/pglite'}`;
}
