'use server';
// Record forms' server actions, one per kind: protectedAction settles session, permission and the zod
// schema (the import's rules, lib/records/form-defs); the logic (matrix, scope, audit, activity, one
// transaction) lives in lib/records/write-record so tests can call it.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { protectedAction, toActionResult } from '@/lib/actions/protected-action';
import { recordHref, type RecordEntity } from '@/lib/entities/catalogue';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { saveRecord } from '@/lib/records/write-record';

function saveAction(entity: RecordEntity) {
  return protectedAction('records.write', RECORD_FORMS[entity].schema, async (input, user) => {
    const result = await saveRecord(await getDb(), user, entity, input);
    if (!result.ok) return toActionResult(result);
    // Every number a record feeds (dashboards, KPI pages, goals) and the record's own pages.
    revalidatePath('/dashboard', 'layout');
    revalidatePath('/kpis', 'layout');
    revalidatePath('/goals', 'layout');
    revalidatePath(recordHref(entity), 'layout');
    if (typeof input.account_id === 'number') revalidatePath(`/records/accounts/${input.account_id}`);
    redirect(`${recordHref(entity, result.id)}?saved=1`);
  });
}

// A 'use server' module exports async functions only, so each kind gets its own.
const accounts = saveAction('accounts');
const leads = saveAction('leads');
const deals = saveAction('deals');
const orders = saveAction('orders');
const campaigns = saveAction('campaigns');
const tickets = saveAction('tickets');
const surveys = saveAction('survey_responses');

type State = Parameters<typeof accounts>[0];
export async function saveAccountAction(s: State, f: FormData) { return accounts(s, f); }
export async function saveLeadAction(s: State, f: FormData) { return leads(s, f); }
export async function saveDealAction(s: State, f: FormData) { return deals(s, f); }
export async function saveOrderAction(s: State, f: FormData) { return orders(s, f); }
export async function saveCampaignAction(s: State, f: FormData) { return campaigns(s, f); }
export async function saveTicketAction(s: State, f: FormData) { return tickets(s, f); }
export async function saveSurveyResponseAction(s: State, f: FormData) { return surveys(s, f); }
