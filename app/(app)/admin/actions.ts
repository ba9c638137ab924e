'use server';
// Admin server actions: thin wrappers. protectedAction checks the session, the admin permission and
// the schema; lib/admin checks the permission again (a direct call by a member fails there too).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { protectedAction, toActionResult, type ActionResult } from '@/lib/actions/protected-action';
import {
  createUserSchema, renameTeamSchema, resetPasswordSchema, setActiveSchema, teamManagersSchema, teamNameSchema, updateUserSchema,
} from '@/lib/admin/schemas';
import { createTeam, renameTeam, setTeamManagers } from '@/lib/admin/teams';
import { createUser, resetPassword, setUserActive, updateUser, type AdminResult } from '@/lib/admin/users';
import { undoImport } from '@/lib/import/undo';

/** The one-time link goes back to the admin's form in `message`'s companion `id`: as an absolute path. */
function withLink(r: AdminResult): ActionResult {
  if (r.ok && r.link) return { ok: true, id: r.link, message: r.message };
  return toActionResult(r);
}

export const createUserAction = protectedAction('admin.users', createUserSchema, async (input, user) => {
  const r = await createUser(await getDb(), user, input);
  if (r.ok) revalidatePath('/admin/users');
  return withLink(r);
});

export const updateUserAction = protectedAction('admin.users', updateUserSchema, async (input, user) => {
  const r = await updateUser(await getDb(), user, input);
  if (r.ok) revalidatePath('/admin/users');
  return toActionResult(r);
});

export const setUserActiveAction = protectedAction('admin.users', setActiveSchema, async (input, user) => {
  const r = await setUserActive(await getDb(), user, input);
  if (r.ok) revalidatePath('/admin/users');
  return toActionResult(r);
});

export const resetPasswordAction = protectedAction('admin.users', resetPasswordSchema, async (input, user) => {
  return withLink(await resetPassword(await getDb(), user, input));
});

export const createTeamAction = protectedAction('admin.teams', teamNameSchema, async (input, user) => {
  const r = await createTeam(await getDb(), user, input);
  if (r.ok) revalidatePath('/admin/teams');
  return toActionResult(r);
});

export const renameTeamAction = protectedAction('admin.teams', renameTeamSchema, async (input, user) => {
  const r = await renameTeam(await getDb(), user, input);
  if (r.ok) revalidatePath('/admin/teams');
  return toActionResult(r);
});

export const setTeamManagersAction = protectedAction('admin.teams', teamManagersSchema, async (input, user) => {
  const r = await setTeamManagers(await getDb(), user, input);
  if (r.ok) revalidatePath('/admin/teams');
  return toActionResult(r);
});

const undoImportSchema = z.object({ importId: z.coerce.number().int().min(1).max(2147483647) });

/** Undo of a committed import from the history (lib/import/undo.ts: one transaction, audited). */
export const undoImportAction = protectedAction('admin.imports', undoImportSchema, async (input, user) => {
  const r = await undoImport(await getDb(), user, input.importId);
  if (r.ok) {
    revalidatePath('/admin/imports');
    return { ok: true, message: r.message, id: input.importId };
  }
  // The blocking records, one per line under the sentence (the form keeps the line breaks).
  return { ok: false, error: [r.message, ...r.blockers.map((b) => `${b.entity} ${b.externalId}: ${b.change}`)].join('\n') };
});
