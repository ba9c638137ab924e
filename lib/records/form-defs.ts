// The record forms of the seven CRM kinds, derived from the import's entity schemas (data-contract.md):
// same fields, same parsers, same cross-field rules. What differs from a CSV row: references are picked
// by id from scoped lists instead of typed as an e-mail or an external id, and the external id is
// generated on create. The field list (labels, input kinds) is derived from the schema's column
// metadata, so a column added to the contract shows up in its form.
import { z } from 'zod';
import { accountRules, accountShape } from '@/lib/validation/accounts';
import { campaignRules, campaignShape } from '@/lib/validation/campaigns';
import { dealRules, dealShape } from '@/lib/validation/deals';
import { ENTITY_CATALOGUE, type OwnerPath } from '@/lib/entities/catalogue';
import { dbColumnOf } from '@/lib/entities/columns';
import { ALWAYS, columnRegistry, type ColumnMeta } from '@/lib/validation/fields';
import { leadRules, leadShape } from '@/lib/validation/leads';
import { orderShape } from '@/lib/validation/orders';
import { surveyResponseRules, surveyResponseShape } from '@/lib/validation/survey-responses';
import { ticketRules, ticketShape } from '@/lib/validation/tickets';
import type { RecordEntity } from './entities';

/** How a field is entered. `day` is a datetime column entered as a calendar day (time kept on edit). */
type FieldKind = 'text' | 'money' | 'number' | 'integer' | 'date' | 'day' | 'datetime' | 'enum' | 'owner' | 'account' | 'campaign' | 'ticket';
export type RefKind = 'owner' | 'account' | 'campaign' | 'ticket';

/** A form field as the browser needs it (plain data: it crosses to the client component). */
export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  values?: readonly string[];
  hint?: string;
  wide?: boolean;
}

/** What a form submits once parsed: the record's id (null on create) and its columns by database name. */
export type RecordFormInput = { id: number | null } & Record<string, unknown>;

interface RecordFormDef {
  entity: RecordEntity;
  schema: z.ZodType<RecordFormInput>;
  fields: FormField[];
  /** The column naming who owns the record (owner or assignee), when the kind has one. */
  ownerColumn: 'owner_id' | 'assignee_id' | null;
  /** The field whose value decides whether the record is in the writer's scope (for its error message). */
  scopeField: string | null;
  /** Prefix of generated external ids: `ui-<prefix>-xxxxxxxx`. */
  idPrefix: string;
}

// A reference column of the import (`account_external_id`) is entered as the id of a record picked
// from a list, under its database name (`account_id`, dbColumnOf); the list it is picked from is
// the referenced entity's.
const REF_KINDS: Record<string, RefKind> = { users: 'owner', accounts: 'account', campaigns: 'campaign', tickets: 'ticket' };

/** The form field of a contract column that is a reference, or null for a column entered as it is. */
function refOf(col: string, meta: ColumnMeta | undefined): { field: string; kind: RefKind } | null {
  const kind = meta?.type === 'reference' && meta.references ? REF_KINDS[meta.references] : undefined;
  return kind ? { field: dbColumnOf(col), kind } : null;
}

/** Reference columns of a shape -> their form fields (`account_external_id` -> `account_id`). */
function refFields(shape: Record<string, z.ZodType>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [col, schema] of Object.entries(shape)) {
    const ref = refOf(col, columnRegistry.get(schema));
    if (ref) out[col] = ref.field;
  }
  return out;
}

const blankToNull = (v: unknown) => (v === '' || v == null ? null : v);
const optionalId = z.preprocess(blankToNull, z.coerce.number({ message: 'must be chosen from the list' }).int().positive().nullable());
const requiredId = z.preprocess(blankToNull, z.coerce.number({ message: 'is required' }).int().positive());

type Rules = (values: Record<string, unknown>, ctx: z.RefinementCtx) => void;

/**
 * Runs an import rule on form values: the rule reads and reports reference columns by their CSV
 * names (`account_external_id`), the form has them as ids (`account_id`).
 */
function onFormValues(rules: Rules, toField: Record<string, string>, labels: Record<string, string>): Rules {
  // Messages name other columns as a CSV has them ("before created_at"); a form says its label.
  const names = Object.keys(labels).sort((a, b) => b.length - a.length);
  const relabel = (m: string) => (names.length ? m.replace(new RegExp(`\\b(${names.join('|')})\\b`, 'g'), (c) => labels[c] ?? c) : m);
  return (v, ctx) => {
    const asRow: Record<string, unknown> = { ...v };
    for (const [col, field] of Object.entries(toField)) if (field in v) asRow[col] = v[field];
    const renamed = new Proxy(ctx, {
      get(target, prop, receiver) {
        if (prop !== 'addIssue') return Reflect.get(target, prop, receiver);
        return (i: Parameters<z.RefinementCtx['addIssue']>[0]) => {
          if (typeof i === 'string' || !Array.isArray(i.path)) return target.addIssue(i);
          return target.addIssue({ ...i, message: i.message && relabel(i.message), path: i.path.map((p) => (typeof p === 'string' ? (toField[p] ?? p) : p)) });
        };
      },
    });
    rules(asRow, renamed);
  };
}

interface Options {
  labels?: Record<string, string>;
  hints?: Record<string, string>;
  /** Datetime columns entered as a day (kind `day`) rather than a date and a time. */
  days?: string[];
  wide?: string[];
  /** Field order; unlisted fields follow in the schema's order. */
  order?: string[];
}

function humanize(name: string): string {
  const s = name.replace(/_id$/, '').replace(/_at$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fieldsOf(shape: Record<string, z.ZodType>, o: Options): FormField[] {
  const fields: FormField[] = [];
  for (const [col, schema] of Object.entries(shape)) {
    if (col === 'external_id') continue;
    const meta = columnRegistry.get(schema);
    if (!meta) throw new Error(`column ${col} has no metadata`);
    const ref = refOf(col, meta);
    const name = ref?.field ?? col;
    const kind: FieldKind = ref ? ref.kind
      : meta.type === 'datetime' ? (o.days?.includes(col) ? 'day' : 'datetime')
        : meta.type === 'enum' ? 'enum'
          : meta.type === 'money' || meta.type === 'integer' || meta.type === 'number' || meta.type === 'date' ? meta.type
            : 'text';
    fields.push({
      name, kind, required: meta.required, values: meta.values, label: o.labels?.[name] ?? humanize(name),
      hint: o.hints?.[name] ?? (kind === 'datetime' ? 'Date and time, UTC' : undefined), wide: o.wide?.includes(name),
    });
  }
  if (o.order) fields.sort((a, b) => rank(o.order!, a.name) - rank(o.order!, b.name));
  return fields;
}

const rank = (order: string[], name: string) => { const i = order.indexOf(name); return i < 0 ? order.length : i; };

function build(entity: RecordEntity, shape: Record<string, z.ZodType>, rules: Rules | null, o: Options & { scopeField: string | null; idPrefix: string }): RecordFormDef {
  const own: Record<string, z.ZodType> = { id: optionalId };
  for (const [col, schema] of Object.entries(shape)) {
    if (col === 'external_id') continue;
    const meta = columnRegistry.get(schema);
    const ref = refOf(col, meta);
    own[ref ? ref.field : col] = ref ? (meta?.required ? requiredId : optionalId) : schema;
  }
  const object = z.object(own);
  const fields = fieldsOf(shape, o);
  // CSV column name -> the label the form shows (references by their CSV name, e.g. account_external_id).
  const toField = refFields(shape);
  const labels: Record<string, string> = {};
  for (const col of Object.keys(shape)) {
    const f = fields.find((x) => x.name === (toField[col] ?? col));
    if (f) labels[col] = f.label;
  }
  const schema = (rules ? object.superRefine(onFormValues(rules, toField, labels), ALWAYS) : object) as unknown as z.ZodType<RecordFormInput>;
  return { entity, schema, fields, ownerColumn: ownerColumnOf(entity), scopeField: o.scopeField, idPrefix: o.idPrefix };
}

/** The column a form's owner field fills: the record's own owner column, when the catalogue's owner path is one the app writes. */
function ownerColumnOf(entity: RecordEntity): RecordFormDef['ownerColumn'] {
  const path: OwnerPath = ENTITY_CATALOGUE[entity].ownerPath;
  return path?.kind === 'column' && !path.derived && (path.column === 'owner_id' || path.column === 'assignee_id') ? path.column : null;
}

// The rules take the import's row type; form values are a superset keyed the same way once renamed.
const rulesOf = <T>(r: (v: T, ctx: z.RefinementCtx) => void) => r as unknown as Rules;

export const RECORD_FORMS: Record<RecordEntity, RecordFormDef> = {
  accounts: build('accounts', accountShape, rulesOf(accountRules), {
    scopeField: 'owner_id', idPrefix: 'account', wide: ['name'],
    hints: { customer_since: 'The day they became a paying customer; empty for a prospect', churned_at: 'The day they stopped being a customer' },
    order: ['name', 'segment', 'industry', 'region', 'customer_since', 'churned_at', 'owner_id'],
  }),
  leads: build('leads', leadShape, rulesOf(leadRules), {
    scopeField: 'owner_id', idPrefix: 'lead',
    labels: { created_at: 'Created', first_contacted_at: 'First contacted', mql_at: 'Became MQL', sql_at: 'Became SQL', converted_at: 'Converted', disqualified_at: 'Disqualified' },
    hints: { account_id: 'The account the lead became; required once converted' },
    order: ['source', 'created_at', 'owner_id', 'campaign_id', 'first_contacted_at', 'mql_at', 'sql_at', 'converted_at', 'account_id', 'disqualified_at'],
  }),
  deals: build('deals', dealShape, rulesOf(dealRules), {
    scopeField: 'owner_id', idPrefix: 'deal', days: ['created_at', 'closed_at'], wide: ['name'],
    labels: { created_at: 'Created', closed_at: 'Closed', contract_months: 'Contract months' },
    // No format hint under a date: the native picker shows the date as the browser's locale writes it.
    hints: { amount: 'In the company currency, e.g. 12500.00', closed_at: 'Required when won or lost' },
    order: ['name', 'amount', 'stage', 'type', 'product', 'created_at', 'closed_at', 'contract_months', 'owner_id', 'account_id', 'campaign_id'],
  }),
  orders: build('orders', orderShape, null, {
    scopeField: 'account_id', idPrefix: 'order', days: ['ordered_at'],
    labels: { ordered_at: 'Ordered' },
    hints: { account_id: 'An order belongs to its account’s owner', amount: 'Revenue, e.g. 1200.00', cost: 'Cost of goods, for margin' },
    order: ['account_id', 'ordered_at', 'amount', 'cost', 'product'],
  }),
  campaigns: build('campaigns', campaignShape, rulesOf(campaignRules), {
    scopeField: null, idPrefix: 'campaign', wide: ['name'],
    labels: { started_at: 'Started', ended_at: 'Ended' },
    hints: { sent: 'E-mails sent', delivered: 'At most the number sent', impressions: 'Ads and social', engagements: 'At most the impressions' },
  }),
  tickets: build('tickets', ticketShape, rulesOf(ticketRules), {
    scopeField: 'assignee_id', idPrefix: 'ticket', wide: ['subject'],
    labels: { created_at: 'Opened', first_response_at: 'First response', resolved_at: 'Resolved', handle_minutes: 'Handle time (minutes)' },
    hints: { subject: 'What the ticket is about: its title', contacts: 'Customer contacts it took; 1 = solved on first contact' },
    order: ['subject', 'created_at', 'channel', 'priority', 'category', 'assignee_id', 'account_id', 'first_response_at', 'resolved_at', 'contacts', 'handle_minutes'],
  }),
  survey_responses: build('survey_responses', surveyResponseShape, rulesOf(surveyResponseRules), {
    scopeField: 'ticket_id', idPrefix: 'survey', days: ['responded_at'],
    labels: { responded_at: 'Responded' },
    hints: { score: 'CSAT 1–5, NPS 0–10, CES 1–7', ticket_id: 'Counts for the ticket’s assignee; without a ticket, for the account’s owner' },
    order: ['kind', 'score', 'responded_at', 'ticket_id', 'account_id'],
  }),
};

/** The reference kinds a form needs options for. */
export function refKindsOf(def: RecordFormDef): RefKind[] {
  return [...new Set(def.fields.map((f) => f.kind).filter((k): k is RefKind => k === 'owner' || k === 'account' || k === 'campaign' || k === 'ticket'))];
}

/** A stored value as the form control shows it (dates as the inputs want them, in UTC). */
export function formValue(f: FormField, v: unknown): string {
  if (v == null) return '';
  if (f.kind === 'day' || f.kind === 'datetime') {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) return '';
    return f.kind === 'day' ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 16);
  }
  if (f.kind === 'date') return String(v).slice(0, 10);
  return String(v);
}
