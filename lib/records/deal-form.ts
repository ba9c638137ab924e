// The deal form's schema, derived from the import's deal schema (same field rules, same stage/closed_at
// rules): the form picks the owner and account by id from scoped selects instead of typing an e-mail
// or an external id, and the external id is generated on create (the import requires one).
import { z } from 'zod';
import { dealRules, dealShape } from '@/lib/validation/deals';
import { ALWAYS } from '@/lib/validation/fields';

const optionalId = z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().positive().nullable());

export const dealFormSchema = z
  .object(dealShape)
  .omit({ external_id: true, owner_email: true, account_external_id: true, campaign_external_id: true })
  .extend({ id: optionalId, owner_id: optionalId, account_id: optionalId })
  .superRefine(dealRules, ALWAYS);

export type DealFormInput = z.output<typeof dealFormSchema>;
