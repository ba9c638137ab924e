// The app's own records: goals, import history, audit log.
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { teams, users } from './org';
import { DEPARTMENTS, GOAL_SCOPES, GOAL_STATES, IMPORT_STATES, oneOf } from './enums';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT, maxChars } from './limits';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const goals = pgTable('goals', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  kpiKey: text('kpi_key').notNull(),
  /** KPI filters (team, owner, segment, …) as the KPI engine takes them. */
  filters: jsonb('filters').$type<Record<string, string>>().notNull().default({}),
  baseline: doublePrecision('baseline').notNull(),
  target: doublePrecision('target').notNull(),
  scope: text('scope').notNull(),
  scopeTeamId: integer('scope_team_id').references(() => teams.id, { onDelete: 'cascade' }),
  scopeUserId: integer('scope_user_id').references(() => users.id, { onDelete: 'cascade' }),
  department: text('department').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  ownerId: integer('owner_id').notNull().references(() => users.id),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  parentGoalId: integer('parent_goal_id'),
  stretch: text('stretch'),
  state: text('state').notNull().default('active'),
  closedAt: tstz('closed_at'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('goals_kpi_idx').on(t.kpiKey),
  index('goals_parent_idx').on(t.parentGoalId),
  index('goals_scope_team_idx').on(t.scopeTeamId),
  index('goals_scope_user_idx').on(t.scopeUserId),
  check('goals_scope_check', oneOf(t.scope, GOAL_SCOPES)),
  check('goals_state_check', oneOf(t.state, GOAL_STATES)),
  check('goals_department_check', oneOf(t.department, DEPARTMENTS)),
  maxChars('goals_title_length', t.title, MAX_SHORT_TEXT),
  maxChars('goals_description_length', t.description, MAX_LONG_TEXT),
  check('goals_dates_check', sql`${t.dueDate} > ${t.startDate}`),
  check('goals_target_check', sql`${t.target} <> ${t.baseline}`),
  check('goals_scope_target_check', sql`(${t.scope} = 'company' and ${t.scopeTeamId} is null and ${t.scopeUserId} is null)
    or (${t.scope} = 'team' and ${t.scopeTeamId} is not null and ${t.scopeUserId} is null)
    or (${t.scope} = 'user' and ${t.scopeUserId} is not null)`),
]);

export const imports = pgTable('imports', {
  id: serial('id').primaryKey(),
  entity: text('entity').notNull(),
  fileName: text('file_name').notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  state: text('state').notNull().default('pending'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  /** Column mapping used: file header -> contract column. */
  mapping: jsonb('mapping').$type<Record<string, string>>(),
  /** First errors (row, column, reason); the full report is regenerated from the file on demand. */
  errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>().notNull().default([]),
  errorCount: integer('error_count').notNull().default(0),
  message: text('message'),
  startedAt: tstz('started_at').notNull().defaultNow(),
  finishedAt: tstz('finished_at'),
  /** Files imported together in one transaction (several files, a folder) share the first one's id; undone together. */
  runId: integer('run_id'),
}, (t) => [
  index('imports_started_at_idx').on(t.startedAt),
  check('imports_state_check', oneOf(t.state, IMPORT_STATES)),
]);

export const auditLog = pgTable('audit_log', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  createdAt: tstz('created_at').notNull().defaultNow(),
}, (t) => [
  index('audit_log_created_at_idx').on(t.createdAt),
  index('audit_log_entity_idx').on(t.entity, t.entityId),
  index('audit_log_user_idx').on(t.userId),
]);
