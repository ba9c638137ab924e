// npm run db:reset: empties the database and migrates it again. Postgres (DATABASE_URL): drops every
// table and drizzle's migration journal. Embedded PGlite: removes its folder (refused while a server
// holds it).
import fs from 'node:fs';
import { defaultDataDir, openDb } from '@/db/client';
import { acquireFolderLock } from '@/db/folder-lock';
import { dropAllTables } from '@/lib/demo';
import { describeTarget, runCli } from './lib/cli';

void runCli('db:reset', async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    const handle = await openDb({ url, migrate: false, max: 1 });
    try {
      const dropped = await dropAllTables(handle.db);
      console.log(`Dropped ${dropped.length} tables and the migration journal from ${describeTarget()}.`);
    } finally {
      await handle.close();
    }
  } else {
    const dir = defaultDataDir();
    const lock = acquireFolderLock(dir); // throws DatabaseLockedError while a server uses it
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      lock.release();
    }
    console.log(`Removed ${dir}.`);
  }
  const handle = await openDb({ url: url || undefined, max: 1 });
  await handle.close();
  console.log(`Migrated ${describeTarget()}: the database is empty. Run \`npm run db:seed\` for demo data.`);
});
