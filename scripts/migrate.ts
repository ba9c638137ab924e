// npm run db:migrate: applies the committed migrations (db/migrations) to DATABASE_URL, else the
// embedded PGlite database.
import { getDb } from '@/db/client';
import { describeTarget, runCli } from './lib/cli';

void runCli('db:migrate', async () => {
  await getDb(); // opening migrates
  console.log(`Migrations applied to ${describeTarget()}.`);
});
