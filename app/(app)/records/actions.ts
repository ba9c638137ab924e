'use server';
// Record forms' server actions: protectedAction settles session, permission and the zod schema; the
// logic (scope, matrix, audit, activity, one transaction) lives in lib/records so tests can call it.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { protectedAction } from '@/lib/actions/protected-action';
import { dealFormSchema } from '@/lib/records/deal-form';
import { saveDeal } from '@/lib/records/write-deal';

export const saveDealAction = protectedAction('records.write', dealFormSchema, async (input, user) => {
  const result = await saveDeal(await getDb(), user, input);
  if (!result.ok) return result;
  // Every number a deal feeds (dashboards, KPI pages) and the deal's own pages.
  revalidatePath('/dashboard', 'layout');
  revalidatePath('/kpis', 'layout');
  revalidatePath('/records/deals', 'layout');
  if (input.account_id) revalidatePath(`/records/accounts/${input.account_id}`);
  redirect(`/records/deals/${result.id}?saved=1`);
});
