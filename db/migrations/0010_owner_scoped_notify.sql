-- The change notice of the tables people write all day (leads, deals, tickets, activities) says whose
-- records changed: "deals;12:3,40:" is deals owned by user 12 (team 3) and user 40 (no team), before
-- or after the change. The KPI result cache (lib/kpi/result-cache.ts) then keeps a rep's or a team's
-- views that the change cannot reach, instead of dropping every view that reads deals: with a team
-- writing two records a second, every cached view used to be dropped twice a second.
-- Rows nobody owns are left out of the list: they count in unfiltered views only, which any notice of
-- the table drops. Over 64 owners in one statement (an import batch) the notice is the bare table name,
-- as before: every reader drops. Still statement-level (one notice per statement, deduplicated per
-- transaction by NOTIFY) and still sent only on commit. TRUNCATE keeps the bare notice.
-- TG_ARGV[0]: the owner column of the table (the entity catalogue's owner path, lib/entities).
CREATE OR REPLACE FUNCTION crm_notify_owner_list(tbl text, owners text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crm_data_changed', CASE WHEN owners IS NULL THEN tbl ELSE tbl || ';' || owners END);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_notify_owners_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n int; owners text;
BEGIN
  EXECUTE format($q$
    select count(*)::int, coalesce(string_agg(x.id || ':' || coalesce(u.team_id::text, ''), ',' order by x.id), '')
    from (select distinct %1$I as id from new_rows where %1$I is not null) x left join users u on u.id = x.id $q$, TG_ARGV[0])
    INTO n, owners;
  PERFORM crm_notify_owner_list(TG_TABLE_NAME, CASE WHEN n > 64 THEN NULL ELSE owners END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_notify_owners_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n int; owners text;
BEGIN
  EXECUTE format($q$
    select count(*)::int, coalesce(string_agg(x.id || ':' || coalesce(u.team_id::text, ''), ',' order by x.id), '')
    from (select distinct %1$I as id from old_rows where %1$I is not null) x left join users u on u.id = x.id $q$, TG_ARGV[0])
    INTO n, owners;
  PERFORM crm_notify_owner_list(TG_TABLE_NAME, CASE WHEN n > 64 THEN NULL ELSE owners END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_notify_owners_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n int; owners text;
BEGIN
  EXECUTE format($q$
    select count(*)::int, coalesce(string_agg(x.id || ':' || coalesce(u.team_id::text, ''), ',' order by x.id), '')
    from (select %1$I as id from new_rows where %1$I is not null
          union select %1$I from old_rows where %1$I is not null) x left join users u on u.id = x.id $q$, TG_ARGV[0])
    INTO n, owners;
  PERFORM crm_notify_owner_list(TG_TABLE_NAME, CASE WHEN n > 64 THEN NULL ELSE owners END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS leads_data_changed ON leads;
--> statement-breakpoint
CREATE TRIGGER leads_data_changed_ins AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_ins('owner_id');
--> statement-breakpoint
CREATE TRIGGER leads_data_changed_upd AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_upd('owner_id');
--> statement-breakpoint
CREATE TRIGGER leads_data_changed_del AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_del('owner_id');
--> statement-breakpoint
CREATE TRIGGER leads_data_changed_trunc AFTER TRUNCATE ON leads FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS deals_data_changed ON deals;
--> statement-breakpoint
CREATE TRIGGER deals_data_changed_ins AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_ins('owner_id');
--> statement-breakpoint
CREATE TRIGGER deals_data_changed_upd AFTER UPDATE ON deals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_upd('owner_id');
--> statement-breakpoint
CREATE TRIGGER deals_data_changed_del AFTER DELETE ON deals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_del('owner_id');
--> statement-breakpoint
CREATE TRIGGER deals_data_changed_trunc AFTER TRUNCATE ON deals FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tickets_data_changed ON tickets;
--> statement-breakpoint
CREATE TRIGGER tickets_data_changed_ins AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_ins('assignee_id');
--> statement-breakpoint
CREATE TRIGGER tickets_data_changed_upd AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_upd('assignee_id');
--> statement-breakpoint
CREATE TRIGGER tickets_data_changed_del AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_del('assignee_id');
--> statement-breakpoint
CREATE TRIGGER tickets_data_changed_trunc AFTER TRUNCATE ON tickets FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS activities_data_changed ON activities;
--> statement-breakpoint
CREATE TRIGGER activities_data_changed_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_ins('user_id');
--> statement-breakpoint
CREATE TRIGGER activities_data_changed_upd AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_upd('user_id');
--> statement-breakpoint
CREATE TRIGGER activities_data_changed_del AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_owners_del('user_id');
--> statement-breakpoint
CREATE TRIGGER activities_data_changed_trunc AFTER TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION crm_notify_data_changed();
