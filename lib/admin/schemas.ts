// Zod schemas of the admin forms (users, teams, set-password). Shared by the 'use server' wrappers
// and the lib/admin functions' tests.
import { z } from 'zod';
import { DEPARTMENTS, ROLES } from '@/db/schema/enums';
import { MAX_EMAIL, MAX_SHORT_TEXT } from '@/db/schema/limits';

const optionalId = z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().positive().nullable());
const optionalDept = z.preprocess((v) => (v === '' || v == null ? null : v), z.enum(DEPARTMENTS).nullable());
const MIN_PASSWORD = 10;
const password = z.string().min(MIN_PASSWORD, `At least ${MIN_PASSWORD} characters.`).max(200);

export const createUserSchema = z.object({
  // The limits of data-contract.md, as the import and the database have them.
  name: z.string().trim().min(1, 'Enter a name.').max(MAX_SHORT_TEXT, `At most ${MAX_SHORT_TEXT} characters.`),
  email: z.string().trim().toLowerCase().max(MAX_EMAIL, `At most ${MAX_EMAIL} characters.`).pipe(z.email('Enter a valid e-mail address.')),
  role: z.enum(ROLES),
  department: optionalDept,
  teamId: optionalId,
  // 'password': the admin types the initial password; 'link': a one-time set-password link is shown.
  passwordMode: z.enum(['password', 'link']).default('link'),
  password: z.string().optional(),
}).superRefine((v, ctx) => {
  if (v.passwordMode === 'password' && !password.safeParse(v.password ?? '').success) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: `At least ${MIN_PASSWORD} characters.` });
  }
});
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: z.coerce.number().int().positive(),
  role: z.enum(ROLES),
  department: optionalDept,
  teamId: optionalId,
});
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const setActiveSchema = z.object({ id: z.coerce.number().int().positive(), active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const resetPasswordSchema = z.object({
  id: z.coerce.number().int().positive(),
  passwordMode: z.enum(['password', 'link']).default('link'),
  password: z.string().optional(),
}).superRefine((v, ctx) => {
  if (v.passwordMode === 'password' && !password.safeParse(v.password ?? '').success) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: `At least ${MIN_PASSWORD} characters.` });
  }
});
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

export const setPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  password,
  confirm: z.string(),
}).refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match.' });

export const teamNameSchema = z.object({ name: z.string().trim().min(1, 'Enter a name.').max(100) });
export const renameTeamSchema = teamNameSchema.extend({ id: z.coerce.number().int().positive() });
export const teamManagersSchema = z.object({
  id: z.coerce.number().int().positive(),
  managerIds: z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive())),
});
