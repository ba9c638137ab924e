// npm run db:rollups -- --rebuild | --verify: the exact summaries (docs/architecture.md, "Exact
// summaries"). --rebuild recomputes every summary from the raw rows (writes to the record tables wait
// meanwhile); --verify recomputes them and lists every difference, exit 1 on any.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { describeDifference, rebuildSummaries, vacuumSummaries, verifySummaries } from '@/lib/kpi/summary/rollups';
import { describeTarget, runCli } from './lib/cli';

const args = z.tuple([z.enum(['--rebuild', '--verify'], { message: 'Use --rebuild or --verify' })]).safeParse(process.argv.slice(2));

void runCli('db:rollups', async () => {
  if (!args.success) {
    console.error('db:rollups: use `npm run db:rollups -- --rebuild` or `npm run db:rollups -- --verify`');
    return 2;
  }
  const db = await getDb();
  if (args.data[0] === '--rebuild') {
    const started = performance.now();
    await rebuildSummaries(db);
    await vacuumSummaries(db);
    console.log(`Summaries rebuilt from the raw rows of ${describeTarget()} in ${Math.round(performance.now() - started)} ms.`);
  }
  const report = await verifySummaries(db);
  for (const t of report.tables) console.log(`${t.table.padEnd(32)} ${String(t.rows).padStart(9)} rows  ${t.differences} differences`);
  for (const d of report.differences) console.log(describeDifference(d));
  const total = report.differences.length;
  console.log(total === 0 ? 'Every summary equals its recomputation from the raw rows.' : `${total} differences (at most 1,000 listed per table).`);
  return total === 0 ? 0 : 1;
});
