// [KPI][SUMMARIES] Every part of every KPI says how it is read: from an exact summary (`summary`) or
// from the raw rows with the reason (`rawBecause`). A new part with neither fails here, so the list of
// raw-row KPIs in docs/architecture.md ("Exact summaries") cannot silently grow.
import { describe, expect, it } from 'vitest';
import { SUMMARY_BY_KEY } from '@/db/schema/summary-defs';
import { KPI_KEYS } from '../registry';
import { CALCS, type Part } from '.';

/** Every part of every KPI and its breakdown count, named by the KPI and position (shared parts listed under each). */
function allParts(): { name: string; part: Part }[] {
  return KPI_KEYS.flatMap((key) => {
    const { parts, countPart } = CALCS[key];
    const listed = parts.map(({ part, shift }, i) => ({ name: `${key} part ${i} (${part.source} ${part.agg}, ${shift})`, part }));
    return countPart ? [...listed, { name: `${key} countPart (${countPart.source} ${countPart.agg})`, part: countPart }] : listed;
  });
}

describe('[KPI][SUMMARIES] parts', () => {
  it('every part of every KPI declares a summary or a non-empty rawBecause', () => {
    const undeclared = allParts().filter(({ part }) => !part.summary && !(part.rawBecause && part.rawBecause.trim().length > 0)).map((p) => p.name);
    expect(undeclared).toEqual([]);
  });

  it('a declared summary is one the part can be read from: its table, measure and record kind', () => {
    const wrong: string[] = [];
    for (const { name, part } of allParts()) {
      const ref = part.summary;
      if (!ref) continue;
      const def = SUMMARY_BY_KEY[ref.table];
      if (!def) wrong.push(`${name}: no summary ${ref.table}`);
      else {
        // The account month chains count accounts from events of another kind: upsells from deals.
        const source = ref.chain === 'upsell' ? 'deals' : def.source;
        if (source !== part.source) wrong.push(`${name}: ${ref.table}${ref.chain ? ` (${ref.chain})` : ''} summarises ${source}`);
        for (const m of [ref.measure, ...(ref.per ? [ref.per] : []), ...(ref.cumulative ? [ref.cumulative.minus.measure] : [])]) {
          if (!(m in def.measures)) wrong.push(`${name}: ${ref.table} has no ${m}`);
        }
        if ((part.agg === 'avg') !== !!ref.per) wrong.push(`${name}: a mean needs \`per\`, and only a mean`);
        if (ref.cumulative && part.agg !== 'count' && part.agg !== 'sum') wrong.push(`${name}: a cumulative read is a count or sum of states`);
        const distinct = !!ref.buyers || (ref.chain === 'upsell' && part.min === 1);
        if (distinct !== (part.agg === 'accountsWithMin')) wrong.push(`${name}: distinct accounts read order chains (\`buyers\`) or the upsell chain, and only they do`);
        if (ref.buyers && ref.buyers.min !== part.min) wrong.push(`${name}: the chain counts accounts with ${ref.buyers.min} orders, the part ${part.min}`);
      }
      if (part.rawBecause) wrong.push(`${name}: declares both a summary and rawBecause`);
    }
    expect(wrong).toEqual([]);
  });
});
