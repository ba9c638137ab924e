// survey_responses.csv: CSAT (1-5), NPS (0-10) and CES (1-7, 7 = very easy) answers.
import { z } from 'zod';
import { SURVEY_KINDS } from '@/db/schema/enums';
import { ALWAYS, columnsOf, datetime, enumOf, integer, issue, isNum, isStr, reference, text } from './fields';

const SCORE_RANGES = { csat: [1, 5], nps: [0, 10], ces: [1, 7] } as const;

export const surveyResponseShape = {
  external_id: text({ required: true }),
  kind: enumOf(SURVEY_KINDS, { required: true }),
  // Any whole number parses, so an out-of-range score gets the range message of its kind below.
  score: integer({ required: true, min: -2_147_483_648 }),
  responded_at: datetime({ required: true }),
  account_external_id: reference('accounts'),
  ticket_external_id: reference('tickets'),
};

export function surveyResponseRules(r: Partial<Record<keyof typeof surveyResponseShape, unknown>>, ctx: z.RefinementCtx): void {
  if (!isNum(r.score) || !isStr(r.kind) || !(r.kind in SCORE_RANGES)) return;
  const [lo, hi] = SCORE_RANGES[r.kind as keyof typeof SCORE_RANGES];
  if (r.score < lo || r.score > hi) issue(ctx, 'score', `must be between ${lo} and ${hi} for ${r.kind} (got ${r.score})`);
}

export const surveyResponseSchema = z.object(surveyResponseShape).superRefine(surveyResponseRules, ALWAYS);
export const surveyResponseColumns = columnsOf(surveyResponseShape);
