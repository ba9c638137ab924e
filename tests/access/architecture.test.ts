// [ARCHITECTURE] The layering docs/architecture.md describes, checked on the source so it cannot drift:
// pages and route handlers reach the database only through lib (a connection getter to hand over, never
// Drizzle or a table), only tooling mints trusted views, lib depends on nothing above it, and tooling
// does not depend on tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every module specifier a file imports (static imports, re-exports and dynamic imports). */
function importsOf(file: string): { spec: string; names: string }[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)]
    .map((m) => ({ spec: m[3] ?? m[4], names: m[2] ?? '' }));
}

const offenders = (files: string[], bad: (i: { spec: string; names: string }, file: string) => boolean) =>
  files.flatMap((f) => importsOf(f).filter((i) => bad(i, f)).map((i) => `${f}: ${i.spec} ${i.names}`.trim()));

describe('[ARCHITECTURE] layers', () => {
  const app = sources('app');

  it('app/ never queries the database itself: no Drizzle, no tables, only a connection getter for lib', () => {
    expect(app.length).toBeGreaterThan(50);
    expect(offenders(app, ({ spec }) => spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/'))).toEqual([]);
    expect(offenders(app, ({ spec }) => spec.startsWith('@/db/') && spec !== '@/db/client' && spec !== '@/db/schema/enums')).toEqual([]);
    expect(offenders(app, ({ spec, names }) => spec === '@/db/client' && !/^\{\s*(getDb|getReadDb)\s*\}$/.test(names))).toEqual([]);
  });

  it('only tooling (the CLI, the seed, benchmarks, tests) makes trusted views; pages get theirs from a viewer', () => {
    expect(offenders(app, ({ names }) => /\btrustedView\b/.test(names))).toEqual([]);
    const lib = sources('lib').filter((f) => !f.startsWith(path.join('lib', 'demo')) && f !== path.join('lib', 'access', 'view.ts') && f !== path.join('lib', 'access', 'index.ts'));
    expect(offenders(lib, ({ names }) => /\btrustedView\b/.test(names))).toEqual([]);
  });

  it('lib/ and db/ depend on nothing above them; scripts/ does not depend on tests', () => {
    const low = [...sources('lib'), ...sources('db')];
    expect(offenders(low, ({ spec }) => /^@\/(app|scripts|tests|e2e)\//.test(spec) || /^(\.\.\/)+(app|scripts|tests|e2e)\//.test(spec))).toEqual([]);
    expect(offenders(sources('scripts'), ({ spec }) => /^@\/(tests|e2e)\//.test(spec) || /(^|\/)e2e\//.test(spec))).toEqual([]);
  });

  it('record pages and forms ask lib/access about ownership, not the KPI engine', () => {
    expect(offenders(sources(path.join('lib', 'records')), ({ spec }) => spec === '@/lib/kpi/scope' || spec.startsWith('@/lib/kpi/sql'))).toEqual([]);
  });
});
