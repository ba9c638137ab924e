// A goal as the create/edit form sends it (and as the server actions accept it): one schema for both,
// so a tampered form gets exactly the field errors the browser would show. Pure (registry only): the
// database checks (the team, member and owner exist and are in the manager's scope) are in
// lib/goals/mutations.ts.
import { z } from 'zod';
import { DEPARTMENTS, GOAL_SCOPES } from '@/db/schema/enums';
import { validateGoalMath } from '@/lib/goals/goal-rules';
import { getKpi } from '@/lib/kpi/registry';
import type { FilterKey } from '@/lib/kpi/types';
import { ALWAYS } from './fields';

/** Filters a goal may carry besides its scope (the scope sets team / owner). */
export const GOAL_FILTER_KEYS = ['segment', 'region', 'industry', 'product', 'source', 'channel'] as const satisfies readonly FilterKey[];
type GoalFilterKey = (typeof GOAL_FILTER_KEYS)[number];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max, `At most ${max} characters.`).optional());
const requiredNumber = (label: string) => z.preprocess(
  blank,
  z.coerce.number({ error: (i) => (i.input === undefined ? `Enter the ${label}.` : `The ${label} must be a number.`) })
    .refine(Number.isFinite, `The ${label} must be a number.`),
);
const optionalId = z.preprocess(blank, z.coerce.number().int().positive('Choose one from the list.').optional());
const isoDay = (label: string) => z.preprocess(
  blank,
  z.string({ error: `Enter the ${label}.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `The ${label} must be a date (YYYY-MM-DD).`)
    .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s); },
      `The ${label} is not a real date.`),
);

const shape = {
  title: z.preprocess(blank, z.string({ error: 'Give the goal a title.' }).trim().min(3, 'At least 3 characters.').max(160, 'At most 160 characters.')),
  description: text(2000),
  kpi_key: z.preprocess(blank, z.string({ error: 'Choose a KPI.' })
    .refine((k) => getKpi(k) !== undefined, 'There is no such KPI.')),
  baseline: requiredNumber('baseline'),
  target: requiredNumber('target'),
  scope: z.enum(GOAL_SCOPES, { error: 'Choose the company, a team or a member.' }),
  team_id: optionalId,
  user_id: optionalId,
  department: z.enum(DEPARTMENTS, { error: 'Choose a department.' }),
  start_date: isoDay('start date'),
  due_date: isoDay('due date'),
  owner_id: z.preprocess(blank, z.coerce.number({ error: 'Choose who is accountable.' }).int().positive('Choose who is accountable.')),
  stretch: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  parent_goal_id: optionalId,
  ...Object.fromEntries(GOAL_FILTER_KEYS.map((k) => [`filter_${k}`, text(200)])) as Record<`filter_${GoalFilterKey}`, ReturnType<typeof text>>,
};

type Raw = z.output<z.ZodObject<typeof shape>>;

/** Cross-field rules. They run even when a field failed (so every problem shows at once): guard types. */
function rules(g: Raw, ctx: z.RefinementCtx): void {
  const kpi = typeof g.kpi_key === 'string' ? getKpi(g.kpi_key) : undefined;
  if (g.scope === 'team' && g.team_id === undefined) ctx.addIssue({ code: 'custom', path: ['team_id'], message: 'Choose the team.' });
  if (g.scope === 'user' && g.user_id === undefined) ctx.addIssue({ code: 'custom', path: ['user_id'], message: 'Choose the member.' });
  if (kpi) {
    const allowed = kpi.filters as readonly string[];
    for (const k of GOAL_FILTER_KEYS) {
      if (g[`filter_${k}`] !== undefined && !allowed.includes(k)) {
        ctx.addIssue({ code: 'custom', path: [`filter_${k}`], message: `${kpi.name} cannot be filtered by ${k}.` });
      }
    }
    if (g.scope === 'team' && !allowed.includes('team')) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: `${kpi.name} is not measured per team: choose the company.` });
    }
    if (g.scope === 'user' && !allowed.includes('owner')) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: `${kpi.name} is not measured per member: choose the company or a team.` });
    }
  }
  // The math's own checks (target vs baseline, dates), worded for the field they concern.
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const day = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (!num(g.baseline) || !num(g.target)) {
    if (day(g.start_date) && day(g.due_date) && g.due_date <= g.start_date) {
      ctx.addIssue({ code: 'custom', path: ['due_date'], message: 'The due date must be after the start date.' });
    }
    return;
  }
  const problems = validateGoalMath({
    baseline: g.baseline, target: g.target, direction: kpi?.direction ?? 'higher',
    startDate: day(g.start_date) ? g.start_date : '', dueDate: day(g.due_date) ? g.due_date : '',
  });
  for (const p of problems) {
    if (!kpi && /better/.test(p)) continue; // the direction is unknown without a KPI
    const path = /due date must be after/.test(p) ? 'due_date' : /target/.test(p) ? 'target' : null;
    if (path) ctx.addIssue({ code: 'custom', path: [path], message: p });
  }
}

export const goalSchema = z.object(shape).superRefine(rules, ALWAYS).transform((g) => ({
  title: g.title,
  description: g.description ?? '',
  kpiKey: g.kpi_key,
  filters: Object.fromEntries(GOAL_FILTER_KEYS.flatMap((k) => (g[`filter_${k}`] ? [[k, g[`filter_${k}`]!]] : []))) as Record<string, string>,
  baseline: g.baseline,
  target: g.target,
  scope: g.scope,
  teamId: g.scope === 'team' ? g.team_id ?? null : null,
  userId: g.scope === 'user' ? g.user_id ?? null : null,
  department: g.department,
  startDate: g.start_date,
  dueDate: g.due_date,
  ownerId: g.owner_id,
  stretch: g.stretch,
  parentGoalId: g.parent_goal_id ?? null,
}));

export type GoalInput = z.output<typeof goalSchema>;

/** The edit form also names the goal it changes. */
export const goalEditSchema = z.object({ id: z.coerce.number().int().positive() }).and(goalSchema);

/** Split a team goal: one target per member (`target_<userId>`), blank = no goal for that member. */
export const goalSplitSchema = z.object({ id: z.coerce.number().int().positive() }).catchall(z.unknown()).transform((v, ctx) => {
  const targets: { userId: number; target: number }[] = [];
  for (const [k, raw] of Object.entries(v)) {
    const m = /^target_(\d+)$/.exec(k);
    if (!m || typeof raw !== 'string' || raw.trim() === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', path: [k], message: 'Must be a number.' });
    else targets.push({ userId: Number(m[1]), target: n });
  }
  if (targets.length === 0) ctx.addIssue({ code: 'custom', path: ['id'], message: 'Give at least one member a target.' });
  return { id: v.id, targets };
});
