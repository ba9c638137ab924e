'use client';
// The create/edit form of every record kind, rendered from its field list (lib/records/form-defs).
// Errors sit next to their fields as whole sentences with readable dates (lib/validation/messages; Field
// wires aria-describedby and aria-live); after a failed submit
// the fields show what the user typed (React 19 resets the form, so the action sends the values back
// and the form is keyed on them).
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/protected-action';
import type { RecordEntity } from '@/lib/records/entities';
import type { FormField, RefKind } from '@/lib/records/form-defs';
import { fieldSentence } from '@/lib/validation/messages';
import { Alert } from '../../../_components/ui/alert';
import { Field } from '../../../_components/ui/field';
import { SubmitButton } from '../../../_components/ui/submit-button';
import {
  saveAccountAction, saveCampaignAction, saveDealAction, saveLeadAction, saveOrderAction, saveSurveyResponseAction, saveTicketAction,
} from '../actions';
import styles from './record-form.module.css';

const ACTIONS: Record<RecordEntity, (s: ActionState, f: FormData) => Promise<ActionState>> = {
  accounts: saveAccountAction, leads: saveLeadAction, deals: saveDealAction, orders: saveOrderAction,
  campaigns: saveCampaignAction, tickets: saveTicketAction, survey_responses: saveSurveyResponseAction,
};

const EMPTY_LABEL: Record<RefKind, string> = { owner: 'Nobody', account: 'No account', campaign: 'No campaign', ticket: 'No ticket' };

export interface RecordFormProps {
  entity: RecordEntity;
  singular: string;
  fields: FormField[];
  initial: Record<string, string>;
  options: Partial<Record<RefKind, { id: number; name: string }[]>>;
  /** A member owns what they write: the owner field is shown but fixed. */
  ownerLocked: boolean;
  /** Only an admin may leave the owner empty. */
  ownerOptional: boolean;
}

export function RecordForm({ entity, singular, fields, initial, options, ownerLocked, ownerOptional }: RecordFormProps) {
  const [state, action] = useActionState<ActionState, FormData>(ACTIONS[entity], null);
  const failed = state && !state.ok ? state : null;
  const v = (k: string): string => {
    const sent = failed?.values?.[k];
    return typeof sent === 'string' ? sent : (initial[k] ?? '');
  };
  const key = failed ? JSON.stringify(failed.values ?? {}) : 'initial';

  const control = (f: FormField) => {
    switch (f.kind) {
      case 'enum':
        return (
          <select className="input" defaultValue={v(f.name)}>
            <option value="">{f.required ? 'Choose…' : '—'}</option>
            {f.values?.map((s) => <option key={s} value={s}>{s.replace(/_/g, ' ')}</option>)}
          </select>
        );
      case 'owner': case 'account': case 'campaign': case 'ticket': {
        const locked = f.kind === 'owner' && ownerLocked;
        const blank = f.kind === 'owner' ? ownerOptional : !f.required;
        return (
          <select className="input" defaultValue={v(f.name)} disabled={locked}>
            {blank ? <option value="">{EMPTY_LABEL[f.kind]}</option> : f.kind !== 'owner' ? <option value="">Choose…</option> : null}
            {(options[f.kind] ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        );
      }
      case 'date': case 'day':
        return <input className="input" type="date" defaultValue={v(f.name)} />;
      case 'datetime':
        return <input className="input" type="datetime-local" defaultValue={v(f.name)} />;
      case 'money': case 'number':
        return <input className="input" inputMode="decimal" defaultValue={v(f.name)} />;
      case 'integer':
        return <input className="input" inputMode="numeric" defaultValue={v(f.name)} />;
      default:
        return <input className="input" defaultValue={v(f.name)} maxLength={500} />;
    }
  };

  return (
    <form action={action} className={styles.form} key={key} noValidate>
      {failed?.error ? <Alert tone="error" role="alert">{failed.error}</Alert> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className={styles.grid}>
        {fields.map((f) => (
          <Field key={f.name} label={f.label} name={f.name} required={f.required} error={failed?.fieldErrors?.[f.name]?.map((m) => fieldSentence(f.label, m))}
            hint={f.kind === 'owner' && ownerLocked ? `You own the ${singular.toLowerCase()}s you write.` : f.hint} className={f.wide ? styles.wide : undefined}>
            {control(f)}
          </Field>
        ))}
      </div>
      <div className={styles.actions}>
        <SubmitButton pendingLabel="Saving…">{initial.id ? `Save ${singular.toLowerCase()}` : `Create ${singular.toLowerCase()}`}</SubmitButton>
      </div>
    </form>
  );
}
