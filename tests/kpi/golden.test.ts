// [KPI][GOLDEN] Every KPI of every case of expected.json, computed from the golden CSVs imported
// through lib/import: the engine must agree with an implementation written independently of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { KPI_KEYS, previousPeriod } from '@/lib/kpi';
import { computeKpis, computeKpisWithPrevious } from '@/tests/helpers/engine-views';
import { day, expectClose, goldenCases, importGolden } from './golden-data';

const cases = goldenCases();
let h: TestDb;

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
});
afterAll(async () => h?.close());

describe('[KPI][GOLDEN] expected.json', () => {
  it('covers every KPI of the registry in every case', () => {
    expect(cases.length).toBe(6);
    for (const c of cases) expect(Object.keys(c.kpis).sort()).toEqual([...KPI_KEYS].sort());
  });

  for (const c of cases) {
    it(`[${c.from}, ${c.to}) ${JSON.stringify(c.filters)}`, async () => {
      const got = await computeKpis(h.db, { from: day(c.from), to: day(c.to), filters: c.filters });
      for (const key of KPI_KEYS) expectClose(got[key], c.kpis[key], key);
    });
  }

  it('computes the previous period in the same passes, equal to computing it alone', async () => {
    const c = cases[1];
    const both = await computeKpisWithPrevious(h.db, { from: day(c.from), to: day(c.to), filters: c.filters });
    for (const key of KPI_KEYS) expectClose(both.current[key], c.kpis[key], key);
    const prev = previousPeriod(day(c.from), day(c.to));
    expect(prev).toEqual({ from: day('2025-01-01'), to: day('2025-04-01') });
    const alone = await computeKpis(h.db, { ...prev, filters: c.filters });
    for (const key of KPI_KEYS) expectClose(both.previous[key], alone[key], `previous ${key}`, 1e-12);
  });
});
