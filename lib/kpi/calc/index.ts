// Every KPI's computation, under the registry's keys (the type check makes sure none is missing).
import type { KpiKey } from '../registry';
import type { KpiCalc } from './define';
import { MARKETING } from './marketing';
import { OPERATIONS } from './operations';
import { RETENTION } from './retention';
import { SALES } from './sales';
import { SUPPORT } from './support';

export const CALCS: Record<KpiKey, KpiCalc> = { ...SALES, ...MARKETING, ...SUPPORT, ...RETENTION, ...OPERATIONS };

export type { KpiCalc, Part, DrillDef, DrillCheck } from './define';
