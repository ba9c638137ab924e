'use client';
// The deal form: create and edit. Errors sit next to their fields (Field wires aria-describedby and
// aria-live); after a failed submit the fields show what the user typed (React 19 resets the form, so
// the action sends the values back and the inputs are keyed on them).
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/protected-action';
import { Alert } from '../../../_components/ui/alert';
import { Field } from '../../../_components/ui/field';
import { SubmitButton } from '../../../_components/ui/submit-button';
import { saveDealAction } from '../actions';
import styles from './record-form.module.css';

export interface DealFormProps {
  initial: Record<string, string>;
  owners: { id: number; name: string }[];
  accounts: { id: number; name: string }[];
  stages: readonly string[];
  types: readonly string[];
  ownerLocked: boolean;
}

export function DealForm({ initial, owners, accounts, stages, types, ownerLocked }: DealFormProps) {
  const [state, action] = useActionState<ActionState, FormData>(saveDealAction, null);
  const failed = state && !state.ok ? state : null;
  const v = (k: string): string => {
    const sent = failed?.values?.[k];
    return typeof sent === 'string' ? sent : (initial[k] ?? '');
  };
  const err = (k: string) => failed?.fieldErrors?.[k];
  const key = failed ? JSON.stringify(failed.values ?? {}) : 'initial';
  return (
    <form action={action} className={styles.form} key={key} noValidate>
      {failed?.error ? <Alert tone="error" role="alert">{failed.error}</Alert> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className={styles.grid}>
        <Field label="Name" name="name" required error={err('name')} className={styles.wide}>
          <input className="input" defaultValue={v('name')} maxLength={200} />
        </Field>
        <Field label="Amount" name="amount" required error={err('amount')} hint="In the company currency, e.g. 12500.00">
          <input className="input" inputMode="decimal" defaultValue={v('amount')} />
        </Field>
        <Field label="Stage" name="stage" required error={err('stage')}>
          <select className="input" defaultValue={v('stage')}>
            <option value="">Choose…</option>
            {stages.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </Field>
        <Field label="Type" name="type" error={err('type')}>
          <select className="input" defaultValue={v('type') || 'new'}>
            {types.map((s) => <option key={s} value={s}>{s.replace('_', ' ')}</option>)}
          </select>
        </Field>
        <Field label="Product" name="product" error={err('product')}>
          <input className="input" defaultValue={v('product')} />
        </Field>
        <Field label="Created" name="created_at" required error={err('created_at')} hint="YYYY-MM-DD">
          <input className="input" type="date" defaultValue={v('created_at')} />
        </Field>
        <Field label="Closed" name="closed_at" error={err('closed_at')} hint="Required when won or lost">
          <input className="input" type="date" defaultValue={v('closed_at')} />
        </Field>
        <Field label="Contract months" name="contract_months" error={err('contract_months')}>
          <input className="input" inputMode="numeric" defaultValue={v('contract_months')} />
        </Field>
        <Field label="Owner" name="owner_id" error={err('owner_id')} hint={ownerLocked ? 'You own the deals you write.' : undefined}>
          <select className="input" defaultValue={v('owner_id')} disabled={ownerLocked}>
            {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </Field>
        <Field label="Account" name="account_id" error={err('account_id')}>
          <select className="input" defaultValue={v('account_id')}>
            <option value="">No account</option>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
      </div>
      <div className={styles.actions}>
        <SubmitButton pendingLabel="Saving…">{initial.id ? 'Save deal' : 'Create deal'}</SubmitButton>
      </div>
    </form>
  );
}
