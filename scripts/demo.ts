// npm run demo: the app running on a fresh machine in one command. Migrates and seeds the embedded
// database when it is empty (small scale), builds when there is no current build, then starts
// `next start` on PORT (default 3000) and prints the URL and the demo sign-ins.
import { sql } from 'drizzle-orm';
import { closeDb, getDb, queryRows } from '@/db/client';
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemo } from '@/lib/demo';
import { describeTarget, runCli } from './lib/cli';
import { buildIsStale, runNextBuild, startNext } from './lib/next-server';
import { serverEnv } from './lib/server-env';

void runCli('demo', async () => {
  const { port, url, env } = serverEnv();

  const db = await getDb();
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  if (n === 0) {
    console.log(`Seeding the demo company into ${describeTarget()}...`);
    const result = await seedDemo(db, { scale: 'small' });
    console.log(`Seeded in ${result.seconds.toFixed(1)} s.`);
  } else {
    console.log(`Using the existing data in ${describeTarget()} (${n} users; \`npm run db:seed\` replaces it).`);
  }
  // The server opens the database itself; PGlite allows one process at a time.
  await closeDb();

  if (buildIsStale()) {
    console.log('Building the app (next build)...');
    if (!runNextBuild(env)) {
      console.error('demo: next build failed.');
      return 1;
    }
  }

  console.log(`\nThe CRM KPI dashboard: ${url}`);
  console.log(`Sign in as ${DEMO_SIGN_INS.map((u) => `${u.email} (${u.role})`).join(', ')}; password: ${DEMO_PASSWORD}`);
  console.log('Ctrl-C stops the server.\n');
  return startNext(port, env);
});
