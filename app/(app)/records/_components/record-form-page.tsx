// Loads what a record form needs within the viewer's scope (the owners they may assign, the accounts,
// tickets and campaigns they may pick) and, for an edit, the record's current values as form strings.
import { getReadDb } from '@/db/client';
import { recordScope, type SessionUser } from '@/lib/access';
import { ENTITY_DEFS, type RecordEntity } from '@/lib/records/entities';
import { RECORD_FORMS, formValue, refKindsOf, type FormField } from '@/lib/records/form-defs';
import { referenceOptions } from '@/lib/records/form-options';
import type { RecordRow } from '@/lib/records/read';
import { RecordForm } from './record-form';

const today = () => new Date().toISOString().slice(0, 10);

/** Sensible starting values for a new record: its time today, its owner the writer, enum defaults. */
function defaults(entity: RecordEntity, fields: FormField[], user: SessionUser): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.kind === 'owner') out[f.name] = String(user.id);
    else if (f.required && f.kind === 'day') out[f.name] = today();
    else if (f.required && f.kind === 'date') out[f.name] = today();
    else if (f.required && f.kind === 'datetime') out[f.name] = new Date().toISOString().slice(0, 16);
  }
  if (entity === 'deals') Object.assign(out, { stage: 'prospecting', type: 'new' });
  if (entity === 'tickets') out.priority = 'normal';
  return out;
}

export async function RecordFormPage({ user, entity, row }: { user: SessionUser; entity: RecordEntity; row?: RecordRow }) {
  const form = RECORD_FORMS[entity];
  const kinds = refKindsOf(form);
  const num = (k: string) => (typeof row?.[k] === 'number' ? (row[k] as number) : null);
  const options = await referenceOptions(await getReadDb(), user, kinds, { account: num('account_id'), ticket: num('ticket_id'), campaign: num('campaign_id') });
  const initial: Record<string, string> = row
    ? Object.fromEntries([['id', String(row.id)], ...form.fields.map((f) => [f.name, formValue(f, row[f.name])])])
    : defaults(entity, form.fields, user);
  const scope = recordScope(user).kind;
  return (
    <RecordForm entity={entity} singular={ENTITY_DEFS[entity].singular} fields={form.fields} initial={initial} options={options}
      ownerLocked={scope === 'owner'} ownerOptional={scope === 'all'} />
  );
}
