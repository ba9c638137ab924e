// The one wrapper every server action goes through: who is asking (from the server session, never from
// the form), may they, is the input valid. Forms get back every field error and their own non-secret
// inputs, so a React 19 form (useActionState) can show the errors and keep what the user typed.
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { can, type Permission, type SessionUser } from '@/lib/access';
import { DB_UNAVAILABLE_MESSAGE, isDbUnavailable } from '@/lib/db-unavailable';
import { FORBIDDEN_MESSAGE, INVALID_INPUT_MESSAGE, type WriteResult } from '@/lib/write-result';

export type FormValues = Record<string, string | string[]>;

export type ActionState =
  | {
      ok: true;
      message?: string;
      /** The id of what was created or changed, when there is one. */
      id?: number | string;
    }
  | {
      ok: false;
      /** One message for the whole form (not signed in, forbidden, a failed write…). */
      error?: string;
      /** Per field, every message (z.flattenError's fieldErrors). */
      fieldErrors?: Record<string, string[] | undefined>;
      /** What the user sent, minus secrets, to refill the form. */
      values?: FormValues;
    }
  | null;

export type ActionResult = Exclude<ActionState, null>;

export const NOT_SIGNED_IN_MESSAGE = 'You are not signed in. Sign in again and retry.';
// The domain's own refusals (lib/write-result) read the same here.
export { FORBIDDEN_MESSAGE, INVALID_INPUT_MESSAGE };
export const FAILED_MESSAGE = 'Something went wrong. Nothing was saved; try again.';

/**
 * A domain write's result as the form gets it: a refusal as it is (its reason and field errors), a
 * success as its id and message (anything else the domain returned stays with the action).
 */
export function toActionResult<Extra extends object>(r: WriteResult<Extra>): ActionResult {
  return r.ok ? { ok: true, id: r.id, message: r.message } : r;
}

// Never echoed back to the browser.
const SECRET_FIELD = /pass(word)?|secret|token|csrf/i;

export interface ProtectedActionDeps {
  /** Loads the signed-in user. Defaults to lib/auth/session's getCurrentUser (tests pass their own). */
  getUser?: () => Promise<SessionUser | null>;
}

/** FormData as a plain object: repeated keys become arrays; files and Next's own `$ACTION_*` keys are dropped. */
export function formDataToObject(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function publicValues(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)));
}

async function defaultGetUser(): Promise<SessionUser | null> {
  // Imported on first use: the session module needs Next's request context, which unit tests lack.
  const { getCurrentUser } = await import('@/lib/auth/session');
  return getCurrentUser();
}

/**
 * `protectedAction('goals.write', goalSchema, async (input, user) => { ...; return { ok: true } })`
 * gives `(prevState, formData) => Promise<ActionState>` for useActionState.
 * The handler may call redirect()/notFound()/forbidden(): those pass through untouched.
 */
export function protectedAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, user: SessionUser) => Promise<ActionResult>,
  deps: ProtectedActionDeps = {},
): (prevState: ActionState, formData: FormData) => Promise<ActionState> {
  const getUser = deps.getUser ?? defaultGetUser;
  return async (_prevState: ActionState, formData: FormData): Promise<ActionState> => {
    const raw = formDataToObject(formData);
    const values = publicValues(raw);
    try {
      const user = await getUser();
      if (!user) return { ok: false, error: NOT_SIGNED_IN_MESSAGE, values };
      if (!can(user, permission)) return { ok: false, error: FORBIDDEN_MESSAGE, values };

      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>);
        const formError = flat.formErrors.join(' ');
        return { ok: false, error: formError || INVALID_INPUT_MESSAGE, fieldErrors: flat.fieldErrors, values };
      }
      const result = await handler(parsed.data, user);
      // A refusal after parsing (scope, a reference out of reach) keeps what the user typed too.
      return result.ok || result.values ? result : { ...result, values };
    } catch (err) {
      unstable_rethrow(err); // redirect(), notFound(), forbidden() are control flow, not failures
      console.error('[action] failed:', err);
      return { ok: false, error: isDbUnavailable(err) ? DB_UNAVAILABLE_MESSAGE : FAILED_MESSAGE, values };
    }
  };
}
