// Where the tests find their data. The golden data set is in the repository (tests/fixtures/golden, a
// copy of the shared fixture; never edited to make a test pass). The public data sets are not: a test
// that needs one finds it through DATASETS_DIR (.ci/run sets it to ../shared/datasets when that folder
// exists) and is skipped, saying why, without it.
import fs from 'node:fs';
import path from 'node:path';

/** The golden CSV files and expected.json; GOLDEN_DIR points elsewhere (say, the shared original). */
export const GOLDEN_DIR = process.env.GOLDEN_DIR ?? path.resolve(import.meta.dirname, '../fixtures/golden');

/** The folder of one public data set, or null (and a printed reason) when DATASETS_DIR does not hold it. */
export function publicDataset(name: string, neededBy: string): string | null {
  const root = process.env.DATASETS_DIR;
  const dir = root ? path.resolve(root, name) : null;
  if (dir && fs.existsSync(dir)) return dir;
  console.log(`skipping ${neededBy}: ${root ? `${dir} does not exist` : 'DATASETS_DIR is not set'} (the public data set ${name}; .ci/run sets DATASETS_DIR=../shared/datasets)`);
  return null;
}
