-- Goals tell the change feed too (migration 0002's notice, the table's name), so the app can share the
-- goal rows a dashboard card is measured against between page views (lib/goals/active-goals.ts) and drop
-- them at the first committed change to a goal, whoever made it.
CREATE TRIGGER goals_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "goals" FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
