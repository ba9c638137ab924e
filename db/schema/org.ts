import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { DEPARTMENTS, ROLES, oneOf } from './enums';
import { MAX_EMAIL, MAX_SHORT_TEXT, maxChars } from './limits';

export const teams = pgTable('teams', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('teams_name_unique').on(sql`lower(${t.name})`),
  maxChars('teams_name_length', t.name, MAX_SHORT_TEXT),
]);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull().default('member'),
  department: text('department'),
  teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
  active: boolean('active').notNull().default(true),
  passwordHash: text('password_hash'),
  // Bumped on deactivation, role change and password reset so existing JWTs stop working.
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_email_unique').on(t.email),
  index('users_team_idx').on(t.teamId),
  check('users_email_lower', sql`${t.email} = lower(${t.email})`),
  maxChars('users_email_length', t.email, MAX_EMAIL),
  maxChars('users_name_length', t.name, MAX_SHORT_TEXT),
  check('users_role_check', oneOf(t.role, ROLES)),
  check('users_department_check', oneOf(t.department, DEPARTMENTS)),
]);

/** Managers of a team besides (or instead of) membership: a manager may run several teams. */
export const teamManagers = pgTable('team_managers', {
  teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_managers_user_idx').on(t.userId)]);

/** One-time links an admin hands out so a user sets their own password. Only the hash is stored. */
export const passwordTokens = pgTable('password_tokens', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [uniqueIndex('password_tokens_hash_unique').on(t.tokenHash)]);

/** Failed sign-in attempts, for rate limiting per account and per address across app instances. */
export const signInAttempts = pgTable('sign_in_attempts', {
  id: serial('id').primaryKey(),
  email: text('email').notNull(),
  ip: text('ip').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('sign_in_attempts_email_idx').on(t.email, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)]);
