// Loads what the deal form needs within the viewer's scope: the owners they may assign, the accounts
// they may see, and (for an edit) the deal's current values as form strings.
import { DEAL_STAGES, DEAL_TYPES } from '@/db/schema/enums';
import { recordScope, type SessionUser } from '@/lib/auth/permissions';
import { accountOptions, ownerOptions } from '@/lib/records/form-options';
import type { RecordRow } from '@/lib/records/read';
import { DealForm } from './deal-form';

const day = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : '');

export async function DealFormPage({ user, row }: { user: SessionUser; row?: RecordRow }) {
  const [owners, accounts] = await Promise.all([ownerOptions(user), accountOptions(user)]);
  const initial: Record<string, string> = row
    ? {
        id: String(row.id), name: String(row.name ?? ''), amount: String(row.amount ?? ''), stage: String(row.stage ?? ''),
        type: String(row.type ?? 'new'), product: String(row.product ?? ''), created_at: day(row.created_at), closed_at: day(row.closed_at),
        contract_months: row.contract_months == null ? '' : String(row.contract_months),
        owner_id: row.owner_id == null ? String(user.id) : String(row.owner_id), account_id: row.account_id == null ? '' : String(row.account_id),
      }
    : { owner_id: String(user.id), type: 'new', stage: 'prospecting', created_at: new Date().toISOString().slice(0, 10) };
  return <DealForm initial={initial} owners={owners} accounts={accounts} stages={DEAL_STAGES} types={DEAL_TYPES} ownerLocked={recordScope(user).kind === 'owner'} />;
}
