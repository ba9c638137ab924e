// npm run db:seed -- [--scale small|medium|large|xlarge] [--seed N]
// Rows per scale: lib/demo/config.ts (targets.md); docs/performance.md, "Seeding", has the times.
// Migrates, then replaces everything in the database with the demo company (lib/demo), and prints the
// row counts and the time it took. Database: DATABASE_URL, else the embedded PGlite (.data/pglite).
import { parseArgs } from 'node:util';
import { getDb } from '@/db/client';
import { sql } from 'drizzle-orm';
import { DEMO_SCALES, DEMO_PASSWORD, DEMO_SIGN_INS, isDemoScale, seedDemo } from '@/lib/demo';
import { describeTarget, runCli } from './lib/cli';

void runCli('db:seed', async () => {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string', default: '42' } } });
  const scale = values.scale!;
  if (!isDemoScale(scale)) {
    console.error(`db:seed: --scale must be one of ${DEMO_SCALES.join(', ')}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) {
    console.error('db:seed: --seed must be a whole number');
    return 2;
  }
  const db = await getDb();
  console.log(`Seeding the ${scale} demo company into ${describeTarget()} (this replaces all its data)...`);
  const result = await seedDemo(db, { scale, seed, log: (m) => console.log(`  ${m}`) });
  const width = Math.max(...Object.keys(result.counts).map((k) => k.length));
  for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(10)}`);
  // The visibility map, as autovacuum would set it after a bulk load: without it the planner prices
  // index-only scans as heap reads and scans activities per user for CRM adoption (243 ms vs 2.4 ms at
  // large). VACUUM cannot run inside the seed's transaction, so it runs here, after the commit.
  const vacuumStarted = performance.now();
  await db.execute(sql`vacuum (analyze)`);
  console.log(`  vacuum (analyze) ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  console.log(`Seeded in ${result.seconds.toFixed(1)} s. Sign in as ${DEMO_SIGN_INS.map((u) => u.email).join(', ')} (password: ${DEMO_PASSWORD}).`);
});
