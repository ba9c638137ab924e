'use server';
// The one public action: whoever holds a valid one-time token may set that user's password. No session
// is involved (the user has none yet), so the token is the credential: 256 random bits, stored hashed,
// single use and expiring (lib/admin/tokens.ts).
import { z } from 'zod';
import { getDb } from '@/db/client';
import { FAILED_MESSAGE, INVALID_INPUT_MESSAGE, type ActionState } from '@/lib/actions/protected-action';
import { setPasswordSchema } from '@/lib/admin/schemas';
import { consumePasswordToken, TOKEN_MESSAGES } from '@/lib/admin/tokens';

export async function setPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = setPasswordSchema.safeParse({ token: formData.get('token'), password: formData.get('password'), confirm: formData.get('confirm') });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>);
    return { ok: false, error: flat.formErrors.join(' ') || INVALID_INPUT_MESSAGE, fieldErrors: flat.fieldErrors };
  }
  try {
    const r = await consumePasswordToken(await getDb(), parsed.data.token, parsed.data.password);
    if (!r.ok) return { ok: false, error: TOKEN_MESSAGES[r.reason] };
    return { ok: true, message: 'Your password is set. You can sign in now.' };
  } catch (err) {
    console.error('[set-password] failed:', err);
    return { ok: false, error: FAILED_MESSAGE };
  }
}
