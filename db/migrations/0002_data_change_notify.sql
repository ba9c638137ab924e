-- Every change to the data KPIs are computed from tells listeners (the app's KPI result cache) after it
-- commits: NOTIFY is transactional, so a rolled-back import says nothing, and one notice per channel and
-- payload is sent per transaction however many statements ran. Statement-level: one call per statement,
-- not per row, so a million-row import pays for it once per batch.
CREATE OR REPLACE FUNCTION crm_notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crm_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER teams_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER team_managers_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "team_managers" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER accounts_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "accounts" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER leads_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "leads" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER deals_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "deals" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER orders_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "orders" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER campaigns_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "campaigns" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER tickets_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tickets" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER survey_responses_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "survey_responses" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER expenses_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "expenses" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
CREATE TRIGGER activities_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "activities" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
