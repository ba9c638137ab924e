CREATE TABLE "password_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_managers" (
	"team_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "team_managers_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"department" text,
	"team_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'manager', 'member')),
	CONSTRAINT "users_department_check" CHECK ("users"."department" in ('executive', 'sales', 'marketing', 'support', 'success', 'operations'))
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"segment" text,
	"industry" text,
	"region" text,
	"owner_id" integer,
	"customer_since" date,
	"churned_at" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_churn_after_start" CHECK ("accounts"."churned_at" is null or "accounts"."customer_since" is null or "accounts"."churned_at" >= "accounts"."customer_since")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text,
	"user_id" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"entity" text,
	"entity_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_kind_check" CHECK ("activities"."kind" in ('login', 'create', 'update', 'other'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"started_at" date NOT NULL,
	"ended_at" date,
	"cost" numeric(14, 2) NOT NULL,
	"sent" integer,
	"delivered" integer,
	"opens" integer,
	"clicks" integer,
	"unsubscribes" integer,
	"impressions" integer,
	"engagements" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_channel_check" CHECK ("campaigns"."channel" in ('email', 'social', 'paid', 'event', 'content', 'other')),
	CONSTRAINT "campaigns_cost_check" CHECK ("campaigns"."cost" >= 0),
	CONSTRAINT "campaigns_end_after_start" CHECK ("campaigns"."ended_at" is null or "campaigns"."ended_at" >= "campaigns"."started_at"),
	CONSTRAINT "campaigns_counts_check" CHECK (coalesce("campaigns"."sent",0) >= 0 and coalesce("campaigns"."delivered",0) >= 0 and coalesce("campaigns"."opens",0) >= 0
    and coalesce("campaigns"."clicks",0) >= 0 and coalesce("campaigns"."unsubscribes",0) >= 0 and coalesce("campaigns"."impressions",0) >= 0
    and coalesce("campaigns"."engagements",0) >= 0),
	CONSTRAINT "campaigns_funnel_check" CHECK (("campaigns"."delivered" is null or "campaigns"."sent" is null or "campaigns"."delivered" <= "campaigns"."sent")
    and ("campaigns"."delivered" is null or (coalesce("campaigns"."opens",0) <= "campaigns"."delivered" and coalesce("campaigns"."clicks",0) <= "campaigns"."delivered"
    and coalesce("campaigns"."unsubscribes",0) <= "campaigns"."delivered"))
    and ("campaigns"."engagements" is null or "campaigns"."impressions" is null or "campaigns"."engagements" <= "campaigns"."impressions"))
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"account_id" integer,
	"owner_id" integer,
	"campaign_id" integer,
	"product" text,
	"type" text DEFAULT 'new' NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"stage" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"contract_months" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_type_check" CHECK ("deals"."type" in ('new', 'upsell', 'cross_sell', 'renewal')),
	CONSTRAINT "deals_stage_check" CHECK ("deals"."stage" in ('prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost')),
	CONSTRAINT "deals_amount_check" CHECK ("deals"."amount" >= 0),
	CONSTRAINT "deals_closed_when_final" CHECK (("deals"."stage" in ('won','lost')) = ("deals"."closed_at" is not null)),
	CONSTRAINT "deals_closed_after_created" CHECK ("deals"."closed_at" is null or "deals"."closed_at" >= "deals"."created_at"),
	CONSTRAINT "deals_contract_months_check" CHECK ("deals"."contract_months" is null or "deals"."contract_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"incurred_on" date NOT NULL,
	"category" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"description" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expenses_category_check" CHECK ("expenses"."category" in ('marketing', 'sales', 'support', 'other')),
	CONSTRAINT "expenses_amount_check" CHECK ("expenses"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"campaign_id" integer,
	"owner_id" integer,
	"first_contacted_at" timestamp with time zone,
	"mql_at" timestamp with time zone,
	"sql_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	"account_id" integer,
	"disqualified_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_source_check" CHECK ("leads"."source" in ('web', 'email', 'social', 'paid', 'referral', 'event', 'outbound', 'other')),
	CONSTRAINT "leads_times_check" CHECK (("leads"."first_contacted_at" is null or "leads"."first_contacted_at" >= "leads"."created_at")
    and ("leads"."mql_at" is null or "leads"."mql_at" >= "leads"."created_at") and ("leads"."sql_at" is null or "leads"."sql_at" >= "leads"."created_at")
    and ("leads"."converted_at" is null or "leads"."converted_at" >= "leads"."created_at")),
	CONSTRAINT "leads_converted_account_check" CHECK ("leads"."converted_at" is null or "leads"."account_id" is not null),
	CONSTRAINT "leads_converted_or_disqualified" CHECK ("leads"."converted_at" is null or "leads"."disqualified_at" is null)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"account_id" integer NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"cost" numeric(14, 2),
	"product" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_amount_check" CHECK ("orders"."amount" >= 0 and ("orders"."cost" is null or "orders"."cost" >= 0))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"score" integer NOT NULL,
	"responded_at" timestamp with time zone NOT NULL,
	"account_id" integer,
	"ticket_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_kind_check" CHECK ("survey_responses"."kind" in ('csat', 'nps', 'ces')),
	CONSTRAINT "survey_responses_score_check" CHECK (("survey_responses"."kind" = 'csat' and "survey_responses"."score" between 1 and 5)
    or ("survey_responses"."kind" = 'nps' and "survey_responses"."score" between 0 and 10) or ("survey_responses"."kind" = 'ces' and "survey_responses"."score" between 1 and 7))
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"account_id" integer,
	"assignee_id" integer,
	"channel" text,
	"priority" text DEFAULT 'normal' NOT NULL,
	"category" text,
	"created_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"contacts" integer,
	"handle_minutes" numeric(10, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_channel_check" CHECK ("tickets"."channel" in ('email', 'phone', 'chat', 'web', 'social')),
	CONSTRAINT "tickets_priority_check" CHECK ("tickets"."priority" in ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "tickets_category_check" CHECK ("tickets"."category" in ('question', 'problem', 'complaint', 'request', 'feedback')),
	CONSTRAINT "tickets_times_check" CHECK (("tickets"."first_response_at" is null or "tickets"."first_response_at" >= "tickets"."created_at")
    and ("tickets"."resolved_at" is null or "tickets"."resolved_at" >= "tickets"."created_at")),
	CONSTRAINT "tickets_contacts_check" CHECK ("tickets"."contacts" is null or "tickets"."contacts" >= 1),
	CONSTRAINT "tickets_handle_minutes_check" CHECK ("tickets"."handle_minutes" is null or "tickets"."handle_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kpi_key" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"scope" text NOT NULL,
	"scope_team_id" integer,
	"scope_user_id" integer,
	"department" text NOT NULL,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"owner_id" integer NOT NULL,
	"created_by_id" integer NOT NULL,
	"parent_goal_id" integer,
	"stretch" text,
	"state" text DEFAULT 'active' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_scope_check" CHECK ("goals"."scope" in ('company', 'team', 'user')),
	CONSTRAINT "goals_state_check" CHECK ("goals"."state" in ('active', 'closed', 'archived')),
	CONSTRAINT "goals_department_check" CHECK ("goals"."department" in ('executive', 'sales', 'marketing', 'support', 'success', 'operations')),
	CONSTRAINT "goals_dates_check" CHECK ("goals"."due_date" > "goals"."start_date"),
	CONSTRAINT "goals_target_check" CHECK ("goals"."target" <> "goals"."baseline"),
	CONSTRAINT "goals_scope_target_check" CHECK (("goals"."scope" = 'company' and "goals"."scope_team_id" is null and "goals"."scope_user_id" is null)
    or ("goals"."scope" = 'team' and "goals"."scope_team_id" is not null and "goals"."scope_user_id" is null)
    or ("goals"."scope" = 'user' and "goals"."scope_user_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"file_name" text NOT NULL,
	"user_id" integer,
	"state" text DEFAULT 'pending' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"mapping" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"message" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_state_check" CHECK ("imports"."state" in ('pending', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_managers" ADD CONSTRAINT "team_managers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_managers" ADD CONSTRAINT "team_managers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_scope_team_id_teams_id_fk" FOREIGN KEY ("scope_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_scope_user_id_users_id_fk" FOREIGN KEY ("scope_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "password_tokens_hash_unique" ON "password_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "team_managers_user_idx" ON "team_managers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_unique" ON "teams" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_team_idx" ON "users" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_unique" ON "accounts" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "accounts_customer_since_idx" ON "accounts" USING btree ("customer_since");--> statement-breakpoint
CREATE INDEX "accounts_churned_at_idx" ON "accounts" USING btree ("churned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_external_id_unique" ON "activities" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "activities_occurred_at_idx" ON "activities" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "activities_user_idx" ON "activities" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_external_id_unique" ON "campaigns" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "campaigns_started_at_idx" ON "campaigns" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deals_external_id_unique" ON "deals" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "deals_closed_at_idx" ON "deals" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "deals_created_at_idx" ON "deals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "deals_account_idx" ON "deals" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "deals_campaign_idx" ON "deals" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expenses_external_id_unique" ON "expenses" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "expenses_incurred_on_idx" ON "expenses" USING btree ("incurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_external_id_unique" ON "leads" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "leads_created_at_idx" ON "leads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leads_mql_at_idx" ON "leads" USING btree ("mql_at");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "leads_account_idx" ON "leads" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "leads_campaign_idx" ON "leads" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external_id_unique" ON "orders" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "orders_ordered_at_idx" ON "orders" USING btree ("ordered_at");--> statement-breakpoint
CREATE INDEX "orders_account_idx" ON "orders" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_external_id_unique" ON "survey_responses" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "survey_responses_responded_at_idx" ON "survey_responses" USING btree ("responded_at");--> statement-breakpoint
CREATE INDEX "survey_responses_account_idx" ON "survey_responses" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "survey_responses_ticket_idx" ON "survey_responses" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_external_id_unique" ON "tickets" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "tickets_created_at_idx" ON "tickets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tickets_resolved_at_idx" ON "tickets" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "tickets_account_idx" ON "tickets" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "goals_kpi_idx" ON "goals" USING btree ("kpi_key");--> statement-breakpoint
CREATE INDEX "goals_parent_idx" ON "goals" USING btree ("parent_goal_id");--> statement-breakpoint
CREATE INDEX "goals_scope_team_idx" ON "goals" USING btree ("scope_team_id");--> statement-breakpoint
CREATE INDEX "goals_scope_user_idx" ON "goals" USING btree ("scope_user_id");--> statement-breakpoint
CREATE INDEX "imports_started_at_idx" ON "imports" USING btree ("started_at");