// Writes a generated leads.csv of N valid rows, for measuring the import by hand:
//   npx tsx scripts/gen-csv.ts <rows> <out.csv>
//   /usr/bin/time -v npm run import -- leads <out.csv>
// The same generator `npm run bench` uses (scripts/lib/import-bench.ts): no references, so the file
// imports into an empty database.
import { writeLeadsCsv } from './lib/import-bench';

const [rowsArg, out] = process.argv.slice(2);
const rows = Number(rowsArg?.replace(/[_,]/g, ''));
if (!out || !Number.isInteger(rows) || rows < 0) {
  console.error('usage: npx tsx scripts/gen-csv.ts <rows> <out.csv>');
  process.exit(1);
}
const started = performance.now();
writeLeadsCsv(out, rows);
console.log(`${out}: ${rows} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
