'use server';
// The goal forms' server actions. protectedAction settles the session, the goals.write permission and
// the zod schema; the mutations check the right to this very goal and scope (a replayed or crafted
// request from a member or another team's manager is refused there too).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { protectedAction, toActionResult } from '@/lib/actions/protected-action';
import { changeGoalState, createGoal, updateGoal } from '@/lib/goals/mutations';
import { splitGoal } from '@/lib/goals/split';
import { goalEditSchema, goalSchema, goalSplitSchema } from '@/lib/validation/goals';

export const createGoalAction = protectedAction('goals.write', goalSchema, async (input, user) => {
  const result = await createGoal(await getDb(), user, input);
  if (!result.ok) return toActionResult(result);
  revalidatePath('/goals');
  redirect(`/goals/${result.id}?saved=created`);
});

export const updateGoalAction = protectedAction('goals.write', goalEditSchema, async ({ id, ...input }, user) => {
  const result = await updateGoal(await getDb(), user, id, input);
  if (!result.ok) return toActionResult(result);
  revalidatePath('/goals');
  redirect(`/goals/${id}?saved=updated`);
});

const stateSchema = z.object({
  id: z.coerce.number().int().positive(),
  change: z.enum(['close', 'archive', 'reopen']),
});

export const changeGoalStateAction = protectedAction('goals.write', stateSchema, async ({ id, change }, user) => {
  const result = await changeGoalState(await getDb(), user, id, change);
  if (result.ok) revalidatePath('/goals');
  return toActionResult(result);
});

export const splitGoalAction = protectedAction('goals.write', goalSplitSchema, async ({ id, targets }, user) => {
  const result = await splitGoal(await getDb(), user, id, targets);
  if (result.ok) revalidatePath(`/goals/${id}`);
  return toActionResult(result);
});
