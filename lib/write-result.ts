// What a domain write (lib/admin users and teams, lib/goals, lib/records) returns: done, with the id of
// what it touched and a sentence for the person, or refused, with a reason for the whole write and/or
// per field. The domain does not know how it is shown: the action layer (lib/actions/protected-action's
// toActionResult) turns it into what a form gets back.

export const FORBIDDEN_MESSAGE = 'You do not have permission to do this.';
export const INVALID_INPUT_MESSAGE = 'Some fields need attention.';

export type WriteDone<Extra extends object = object> = { ok: true; id: number; message: string } & Extra;

export interface WriteRefused {
  ok: false;
  /** One reason for the whole write (forbidden, missing, a rule it breaks). */
  error?: string;
  /** Per input field, every reason it was refused for. */
  fieldErrors?: Record<string, string[]>;
}

export type WriteResult<Extra extends object = object> = WriteDone<Extra> | WriteRefused;

export const refused = (error: string = FORBIDDEN_MESSAGE): WriteRefused => ({ ok: false, error });

/** A refusal that names the fields at fault (and says so for the whole form). */
export const fieldsRefused = (fieldErrors: Record<string, string[]>): WriteRefused =>
  ({ ok: false, error: INVALID_INPUT_MESSAGE, fieldErrors });
