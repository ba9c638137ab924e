// The golden data set (tests/fixtures/golden, never edited) and how its values are compared.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { importDirectory } from '@/lib/import';
import type { KpiFilters } from '@/lib/kpi';
import { GOLDEN_DIR } from '../helpers/fixtures';

export { GOLDEN_DIR };

export interface GoldenCase {
  from: string;
  to: string;
  filters: KpiFilters;
  kpis: Record<string, number | null>;
}

export function goldenCases(): GoldenCase[] {
  return JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, 'expected.json'), 'utf8')) as GoldenCase[];
}

export const day = (s: string) => new Date(`${s}T00:00:00Z`);

/** Imports the golden CSVs through the app's import (lib/import), as an admin would. */
export async function importGolden(db: Db): Promise<void> {
  const result = await importDirectory(db, GOLDEN_DIR);
  if (!result.ok) throw new Error(`golden import failed: ${result.message}`);
}

/** Equal within 1e-6 relative (exactly for 0), null only where null. */
export function closeTo(actual: number | null | undefined, expected: number | null, tol = 1e-6): boolean {
  if (expected == null) return actual === null;
  if (actual == null || !Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= tol * Math.abs(expected);
}

export function expectClose(actual: number | null | undefined, expected: number | null, label: string, tol = 1e-6): void {
  expect(closeTo(actual, expected, tol), `${label}: expected ${expected}, got ${actual}`).toBe(true);
}
