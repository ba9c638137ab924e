CREATE TABLE "account_touch_chain" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_touch_chain_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"account_id" integer NOT NULL,
	"owner_id" integer NOT NULL,
	"month" date NOT NULL,
	"prev_month" date,
	"since_month" date,
	"churn_month" date,
	"own" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "account_touch_chain_key" UNIQUE("account_id","owner_id","kind","month")
);
--> statement-breakpoint
CREATE TABLE "touch_chain_months" (
	"day" date NOT NULL,
	"owner_id" integer,
	"kind" text,
	"prev_month" date,
	"since_month" date,
	"churn_month" date,
	"own" integer,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "touch_chain_months_key" UNIQUE NULLS NOT DISTINCT("day","owner_id","kind","prev_month","since_month","churn_month","own")
);
--> statement-breakpoint
CREATE INDEX "touch_chain_months_owner" ON "touch_chain_months" USING btree ("owner_id","day","kind","prev_month","since_month","churn_month","own","n");--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_account_touch_chain_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into touch_chain_months as x (day, owner_id, kind, prev_month, since_month, churn_month, own, n)
    select day, owner_id, kind, prev_month, since_month, churn_month, own, sum(n)::int
    from (select date_trunc('month', tc.month::timestamp)::date as day, tc.owner_id as owner_id, tc.kind as kind, tc.prev_month as prev_month, tc.since_month as since_month, tc.churn_month as churn_month, tc.own as own, sum(1)::int as n from new_rows tc  where tc.month is not null group by 1, 2, 3, 4, 5, 6, 7) c
    group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0
    order by 1, 2, 3, 4, 5, 6, 7
    on conflict (day, owner_id, kind, prev_month, since_month, churn_month, own) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.kind, x.prev_month, x.since_month, x.churn_month, x.own, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from touch_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_account_touch_chain_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into touch_chain_months as x (day, owner_id, kind, prev_month, since_month, churn_month, own, n)
    select day, owner_id, kind, prev_month, since_month, churn_month, own, sum(n)::int
    from (select date_trunc('month', tc.month::timestamp)::date as day, tc.owner_id as owner_id, tc.kind as kind, tc.prev_month as prev_month, tc.since_month as since_month, tc.churn_month as churn_month, tc.own as own, -sum(1)::int as n from old_rows tc  where tc.month is not null group by 1, 2, 3, 4, 5, 6, 7
      union all select date_trunc('month', tc.month::timestamp)::date as day, tc.owner_id as owner_id, tc.kind as kind, tc.prev_month as prev_month, tc.since_month as since_month, tc.churn_month as churn_month, tc.own as own, sum(1)::int as n from new_rows tc  where tc.month is not null group by 1, 2, 3, 4, 5, 6, 7) c
    group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0
    order by 1, 2, 3, 4, 5, 6, 7
    on conflict (day, owner_id, kind, prev_month, since_month, churn_month, own) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.kind, x.prev_month, x.since_month, x.churn_month, x.own, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from touch_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_account_touch_chain_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into touch_chain_months as x (day, owner_id, kind, prev_month, since_month, churn_month, own, n)
    select day, owner_id, kind, prev_month, since_month, churn_month, own, sum(n)::int
    from (select date_trunc('month', tc.month::timestamp)::date as day, tc.owner_id as owner_id, tc.kind as kind, tc.prev_month as prev_month, tc.since_month as since_month, tc.churn_month as churn_month, tc.own as own, -sum(1)::int as n from old_rows tc  where tc.month is not null group by 1, 2, 3, 4, 5, 6, 7) c
    group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0
    order by 1, 2, 3, 4, 5, 6, 7
    on conflict (day, owner_id, kind, prev_month, since_month, churn_month, own) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.kind, x.prev_month, x.since_month, x.churn_month, x.own, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from touch_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_account_touch_chain_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM touch_chain_months;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER account_touch_chain_summary_ins AFTER INSERT ON account_touch_chain REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_account_touch_chain_ins();
--> statement-breakpoint
CREATE TRIGGER account_touch_chain_summary_upd AFTER UPDATE ON account_touch_chain REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_account_touch_chain_upd();
--> statement-breakpoint
CREATE TRIGGER account_touch_chain_summary_del AFTER DELETE ON account_touch_chain REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_account_touch_chain_del();
--> statement-breakpoint
CREATE TRIGGER account_touch_chain_summary_trunc AFTER TRUNCATE ON account_touch_chain FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_account_touch_chain_trunc();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_touch_chain_dims_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids int[]; v1_ date[]; v2_ date[]; v3_ int[];
BEGIN
  select array_agg(c.id), array_agg(c.v1), array_agg(c.v2), array_agg(c.v3) into ids, v1_, v2_, v3_
  from (select c.id, (case when c.kind = 'touch' then date_trunc('month', a.customer_since::timestamp)::date end) as v1, (case when c.kind = 'touch' then date_trunc('month', a.churned_at::timestamp)::date end) as v2, (case when c.kind = 'touch' and c.owner_id <> 0 and c.owner_id = a.owner_id then 1 else 0 end) as v3
      from account_touch_chain c join accounts a on a.id = c.account_id where c.account_id in (select nr.id from new_rows nr join old_rows orr on orr.id = nr.id where nr.customer_since is distinct from orr.customer_since or nr.churned_at is distinct from orr.churned_at or nr.owner_id is distinct from orr.owner_id)) c
    join account_touch_chain t on t.id = c.id where (t.since_month, t.churn_month, t.own) is distinct from (c.v1, c.v2, c.v3);
  if ids is not null then
    update account_touch_chain t set since_month = z.v1, churn_month = z.v2, own = z.v3
      from unnest(ids, v1_, v2_, v3_) z(id, v1, v2, v3) where t.id = z.id;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_touch_chain_dims_upd AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_touch_chain_dims_upd();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_derived_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE orders t SET prev_month = c.v1, prev2_month = c.v2, cprev_month = c.v3
    FROM (select o.id, date_trunc('month', (lag(o.ordered_at) over wa) at time zone 'UTC')::date as v1, date_trunc('month', (lag(o.ordered_at, 2) over wa) at time zone 'UTC')::date as v2, case when o.cost is not null then date_trunc('month', (lag(o.ordered_at) over wc) at time zone 'UTC')::date end as v3 from orders o window wa as (partition by o.account_id order by o.ordered_at, o.id), wc as (partition by o.account_id, (o.cost is not null) order by o.ordered_at, o.id)) c WHERE t.id = c.id AND (t.prev_month, t.prev2_month, t.cprev_month) IS DISTINCT FROM (c.v1, c.v2, c.v3);
  UPDATE accounts t SET converting_lead_created_at = c.v1, converting_lead_source = c.v2
    FROM (select a.id, cl.created_at as v1, cl.source as v2
      from accounts a left join (select distinct on (l.account_id) l.account_id, l.created_at, l.source from leads l
        where l.converted_at is not null
        order by l.account_id, l.converted_at, l.id) cl on cl.account_id = a.id) c WHERE t.id = c.id AND (t.converting_lead_created_at, t.converting_lead_source) IS DISTINCT FROM (c.v1, c.v2);
  UPDATE survey_responses t SET owner_id = c.v1
    FROM (select s.id, (case when s.ticket_id is not null then st.assignee_id else sa.owner_id end) as v1
      from survey_responses s left join tickets st on st.id = s.ticket_id left join accounts sa on sa.id = s.account_id) c WHERE t.id = c.id AND (t.owner_id) IS DISTINCT FROM (c.v1);
  UPDATE account_touch_chain t SET since_month = c.v1, churn_month = c.v2, own = c.v3
    FROM (select c.id, (case when c.kind = 'touch' then date_trunc('month', a.customer_since::timestamp)::date end) as v1, (case when c.kind = 'touch' then date_trunc('month', a.churned_at::timestamp)::date end) as v2, (case when c.kind = 'touch' and c.owner_id <> 0 and c.owner_id = a.owner_id then 1 else 0 end) as v3
      from account_touch_chain c join accounts a on a.id = c.account_id) c WHERE t.id = c.id AND (t.since_month, t.churn_month, t.own) IS DISTINCT FROM (c.v1, c.v2, c.v3);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_touch_chain_sync(accs int[], owners int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One writer at a time per account: a chain read from a snapshot without another transaction's
  -- events of the same account (rows this one does not lock) would keep a stale previous month.
  -- Once the lock is held, the other's events are committed and the statements below (each its own
  -- snapshot) see them. In account order: no deadlock between two syncs.
  PERFORM pg_advisory_xact_lock(1414480712, a) FROM (select distinct a from unnest(accs) a order by a) x;
  DELETE FROM account_touch_chain c USING (select distinct a, o from unnest(accs, owners) p(a, o)) z
    WHERE c.kind = 'touch' AND c.account_id = z.a AND c.owner_id = z.o
      AND NOT EXISTS (select 1 from (select 'touch'::text as kind, c.account_id, c.owner_id, c.month,
      lag(c.month) over (partition by c.account_id, c.owner_id order by c.month) as prev_month
    from (select y.account_id, y.owner_id, (y.day + make_interval(months => m - 1))::date as month
    from (select distinct a, o from unnest(accs, owners) p(a, o)) z
      cross join (select generate_series(min(day), max(day), interval '1 year')::date as d from account_touch_years) yr
      join account_touch_years y on y.day = yr.d and y.owner_id = z.o and y.account_id = z.a
    cross join generate_series(1, 12) m
    where (array[y.m1, y.m2, y.m3, y.m4, y.m5, y.m6, y.m7, y.m8, y.m9, y.m10, y.m11, y.m12])[m] > 0) c) w
        where w.account_id = c.account_id and w.owner_id = c.owner_id and w.month = c.month and w.prev_month is not distinct from c.prev_month);
  insert into account_touch_chain (kind, account_id, owner_id, month, prev_month, since_month, churn_month, own)
    select w.kind, w.account_id, w.owner_id, w.month, w.prev_month, (case when w.kind = 'touch' then date_trunc('month', a.customer_since::timestamp)::date end), (case when w.kind = 'touch' then date_trunc('month', a.churned_at::timestamp)::date end), (case when w.kind = 'touch' and w.owner_id <> 0 and w.owner_id = a.owner_id then 1 else 0 end)
    from (select 'touch'::text as kind, c.account_id, c.owner_id, c.month,
      lag(c.month) over (partition by c.account_id, c.owner_id order by c.month) as prev_month
    from (select y.account_id, y.owner_id, (y.day + make_interval(months => m - 1))::date as month
    from (select distinct a, o from unnest(accs, owners) p(a, o)) z
      cross join (select generate_series(min(day), max(day), interval '1 year')::date as d from account_touch_years) yr
      join account_touch_years y on y.day = yr.d and y.owner_id = z.o and y.account_id = z.a
    cross join generate_series(1, 12) m
    where (array[y.m1, y.m2, y.m3, y.m4, y.m5, y.m6, y.m7, y.m8, y.m9, y.m10, y.m11, y.m12])[m] > 0) c) w left join accounts a on a.id = w.account_id
    where not exists (select 1 from account_touch_chain c where c.kind = w.kind and c.account_id = w.account_id and c.owner_id = w.owner_id and c.month = w.month)
    order by 1, 2, 3, 4;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_touch_chain_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (select distinct account_id, owner_id from new_rows where owner_id is not null) x;
  if a_ is not null then
    PERFORM crm_touch_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER account_touch_years_touch_chain_ins AFTER INSERT ON account_touch_years REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_touch_chain_ins();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_touch_chain_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (select distinct nr.account_id, nr.owner_id from new_rows nr join old_rows orr
      on orr.day = nr.day and orr.owner_id = nr.owner_id and orr.account_id = nr.account_id
      where nr.owner_id is not null and ((nr.m1 > 0) <> (orr.m1 > 0) or (nr.m2 > 0) <> (orr.m2 > 0) or (nr.m3 > 0) <> (orr.m3 > 0) or (nr.m4 > 0) <> (orr.m4 > 0) or (nr.m5 > 0) <> (orr.m5 > 0) or (nr.m6 > 0) <> (orr.m6 > 0) or (nr.m7 > 0) <> (orr.m7 > 0) or (nr.m8 > 0) <> (orr.m8 > 0) or (nr.m9 > 0) <> (orr.m9 > 0) or (nr.m10 > 0) <> (orr.m10 > 0) or (nr.m11 > 0) <> (orr.m11 > 0) or (nr.m12 > 0) <> (orr.m12 > 0))) x;
  if a_ is not null then
    PERFORM crm_touch_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER account_touch_years_touch_chain_upd AFTER UPDATE ON account_touch_years REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_touch_chain_upd();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_touch_chain_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (select distinct account_id, owner_id from old_rows where owner_id is not null) x;
  if a_ is not null then
    PERFORM crm_touch_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER account_touch_years_touch_chain_del AFTER DELETE ON account_touch_years REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_touch_chain_del();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_upsell_chain_sync(accs int[], owners int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One writer at a time per account: a chain read from a snapshot without another transaction's
  -- events of the same account (rows this one does not lock) would keep a stale previous month.
  -- Once the lock is held, the other's events are committed and the statements below (each its own
  -- snapshot) see them. In account order: no deadlock between two syncs.
  PERFORM pg_advisory_xact_lock(1414480713, a) FROM (select distinct a from unnest(accs) a order by a) x;
  DELETE FROM account_touch_chain c USING (select distinct a, o from unnest(accs, owners) p(a, o)) z
    WHERE c.kind = 'upsell' AND c.account_id = z.a AND c.owner_id = z.o
      AND NOT EXISTS (select 1 from (select 'upsell'::text as kind, c.account_id, c.owner_id, c.month,
      lag(c.month) over (partition by c.account_id, c.owner_id order by c.month) as prev_month
    from (select d.account_id, o.owner_id, date_trunc('month', d.closed_at at time zone 'UTC')::date as month
    from deals d cross join lateral (values (d.owner_id), (0)) o(owner_id)
    join (select distinct a, o from unnest(accs, owners) p(a, o)) z on z.a = d.account_id and z.o = o.owner_id
    where d.stage = 'won' and d.type in ('upsell', 'cross_sell') and d.account_id is not null and d.closed_at is not null and o.owner_id is not null
    group by 1, 2, 3) c) w
        where w.account_id = c.account_id and w.owner_id = c.owner_id and w.month = c.month and w.prev_month is not distinct from c.prev_month);
  insert into account_touch_chain (kind, account_id, owner_id, month, prev_month, since_month, churn_month, own)
    select w.kind, w.account_id, w.owner_id, w.month, w.prev_month, (case when w.kind = 'touch' then date_trunc('month', a.customer_since::timestamp)::date end), (case when w.kind = 'touch' then date_trunc('month', a.churned_at::timestamp)::date end), (case when w.kind = 'touch' and w.owner_id <> 0 and w.owner_id = a.owner_id then 1 else 0 end)
    from (select 'upsell'::text as kind, c.account_id, c.owner_id, c.month,
      lag(c.month) over (partition by c.account_id, c.owner_id order by c.month) as prev_month
    from (select d.account_id, o.owner_id, date_trunc('month', d.closed_at at time zone 'UTC')::date as month
    from deals d cross join lateral (values (d.owner_id), (0)) o(owner_id)
    join (select distinct a, o from unnest(accs, owners) p(a, o)) z on z.a = d.account_id and z.o = o.owner_id
    where d.stage = 'won' and d.type in ('upsell', 'cross_sell') and d.account_id is not null and d.closed_at is not null and o.owner_id is not null
    group by 1, 2, 3) c) w left join accounts a on a.id = w.account_id
    where not exists (select 1 from account_touch_chain c where c.kind = w.kind and c.account_id = w.account_id and c.owner_id = w.owner_id and c.month = w.month)
    order by 1, 2, 3, 4;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_upsell_chain_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (select distinct x.account_id, o.owner_id from (select r.account_id, r.owner_id from new_rows r where r.stage = 'won' and r.type in ('upsell', 'cross_sell') and r.account_id is not null and r.closed_at is not null) x
      cross join lateral (values (x.owner_id), (0)) o(owner_id) where o.owner_id is not null) x;
  if a_ is not null then
    PERFORM crm_upsell_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_upsell_chain_ins AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_upsell_chain_ins();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_upsell_chain_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (select distinct x.account_id, o.owner_id from (select r.account_id, r.owner_id from old_rows r join new_rows n on n.id = r.id where r.stage = 'won' and r.type in ('upsell', 'cross_sell') and r.account_id is not null and r.closed_at is not null and (r.stage, r.type, r.account_id, r.owner_id, date_trunc('month', r.closed_at at time zone 'UTC')::date) is distinct from (n.stage, n.type, n.account_id, n.owner_id, date_trunc('month', n.closed_at at time zone 'UTC')::date)
      union all select r.account_id, r.owner_id from new_rows r join old_rows p on p.id = r.id where r.stage = 'won' and r.type in ('upsell', 'cross_sell') and r.account_id is not null and r.closed_at is not null and (r.stage, r.type, r.account_id, r.owner_id, date_trunc('month', r.closed_at at time zone 'UTC')::date) is distinct from (p.stage, p.type, p.account_id, p.owner_id, date_trunc('month', p.closed_at at time zone 'UTC')::date)) x
      cross join lateral (values (x.owner_id), (0)) o(owner_id) where o.owner_id is not null) x;
  if a_ is not null then
    PERFORM crm_upsell_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_upsell_chain_upd AFTER UPDATE ON deals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_upsell_chain_upd();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_upsell_chain_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a_ int[]; o_ int[];
BEGIN
  select array_agg(account_id), array_agg(owner_id) into a_, o_ from (select distinct x.account_id, o.owner_id from (select r.account_id, r.owner_id from old_rows r where r.stage = 'won' and r.type in ('upsell', 'cross_sell') and r.account_id is not null and r.closed_at is not null) x
      cross join lateral (values (x.owner_id), (0)) o(owner_id) where o.owner_id is not null) x;
  if a_ is not null then
    PERFORM crm_upsell_chain_sync(a_, o_);
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_upsell_chain_del AFTER DELETE ON deals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_upsell_chain_del();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_upsell_chain_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM account_touch_chain WHERE kind = 'upsell';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_upsell_chain_trunc AFTER TRUNCATE ON deals FOR EACH STATEMENT EXECUTE FUNCTION crm_upsell_chain_trunc();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE account_touch_years DISABLE TRIGGER USER; ALTER TABLE account_touch_chain DISABLE TRIGGER USER;
  PERFORM crm_derived_rebuild();
  DELETE FROM lead_created_days;
  INSERT INTO lead_created_days (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls) select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.created_at is not null group by 1, 2, 3;
  DELETE FROM lead_created_months;
  INSERT INTO lead_created_months (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls) select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.created_at is not null group by 1, 2, 3;
  DELETE FROM lead_mql_days;
  INSERT INTO lead_mql_days (day, owner_id, source, n, sqls) select (l.mql_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.mql_at is not null group by 1, 2, 3;
  DELETE FROM lead_mql_months;
  INSERT INTO lead_mql_months (day, owner_id, source, n, sqls) select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.mql_at is not null group by 1, 2, 3;
  DELETE FROM deal_closed_days;
  INSERT INTO deal_closed_days (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5) select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d  where d.closed_at is not null group by 1, 2, 3;
  DELETE FROM deal_closed_months;
  INSERT INTO deal_closed_months (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5) select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, d.owner_id as owner_id, d.product as product, segment_a.segment as segment, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d  left join accounts segment_a on segment_a.id = d.account_id where d.closed_at is not null group by 1, 2, 3, 4;
  DELETE FROM order_days;
  INSERT INTO order_days (day, owner_id, product, n, amount, costed, profit) select (o.ordered_at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3;
  DELETE FROM order_months;
  INSERT INTO order_months (day, owner_id, product, segment, n, amount, costed, profit) select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, own_a.owner_id as owner_id, o.product as product, segment_a.segment as segment, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o left join accounts own_a on own_a.id = o.account_id left join accounts segment_a on segment_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4;
  DELETE FROM ticket_created_days;
  INSERT INTO ticket_created_days (day, owner_id, channel, n, responded, response_hours, complaints, complaints_resolved) select (t.created_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t  where t.created_at is not null group by 1, 2, 3;
  DELETE FROM ticket_created_months;
  INSERT INTO ticket_created_months (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved) select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, t.assignee_id as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t  left join accounts segment_a on segment_a.id = t.account_id where t.created_at is not null group by 1, 2, 3, 4;
  DELETE FROM ticket_resolved_days;
  INSERT INTO ticket_resolved_days (day, owner_id, channel, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select (t.resolved_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t  where t.resolved_at is not null group by 1, 2, 3;
  DELETE FROM ticket_resolved_months;
  INSERT INTO ticket_resolved_months (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, t.assignee_id as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t  left join accounts segment_a on segment_a.id = t.account_id where t.resolved_at is not null group by 1, 2, 3, 4;
  DELETE FROM customer_days;
  INSERT INTO customer_days (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals) select ev.day::timestamp::date as day, a.owner_id as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from accounts a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM customer_months;
  INSERT INTO customer_months (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals) select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from accounts a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM deal_open_days;
  INSERT INTO deal_open_days (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select ev.day::timestamp::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from deals d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM deal_open_months;
  INSERT INTO deal_open_months (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select date_trunc('month', ev.day::timestamp)::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from deals d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM survey_days;
  INSERT INTO survey_days (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select (s.responded_at at time zone 'UTC')::date as day, s.owner_id as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s  where s.responded_at is not null group by 1, 2;
  DELETE FROM survey_months;
  INSERT INTO survey_months (day, owner_id, segment, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, s.owner_id as owner_id, segment_a.segment as segment, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s  left join accounts segment_a on segment_a.id = s.account_id where s.responded_at is not null group by 1, 2, 3;
  DELETE FROM order_chain_days;
  INSERT INTO order_chain_days (day, owner_id, chain, prev_month, prev2_month, n) select (ev.at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5;
  DELETE FROM order_chain_months;
  INSERT INTO order_chain_months (day, owner_id, chain, prev_month, prev2_month, n) select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5;
  DELETE FROM account_days;
  INSERT INTO account_days (day, owner_id, n, filled) select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from accounts a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2;
  DELETE FROM account_months;
  INSERT INTO account_months (day, owner_id, n, filled) select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from accounts a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2;
  DELETE FROM account_touch_years;
  INSERT INTO account_touch_years (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12) select day, owner_id, account_id, sum(n)::int as n, sum(m1)::int as m1, sum(m2)::int as m2, sum(m3)::int as m3, sum(m4)::int as m4, sum(m5)::int as m5, sum(m6)::int as m6, sum(m7)::int as m7, sum(m8)::int as m8, sum(m9)::int as m9, sum(m10)::int as m10, sum(m11)::int as m11, sum(m12)::int as m12
    from (select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from orders o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3
      union all select date_trunc('year', ((case when t.account_id is not null then t.created_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', t.created_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', t.created_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', t.created_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', t.created_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', t.created_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', t.created_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', t.created_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', t.created_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', t.created_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', t.created_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', t.created_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', t.created_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from tickets t cross join lateral (values (false), (true)) any_o(is_any)  where (case when t.account_id is not null then t.created_at end) is not null group by 1, 2, 3
      union all select date_trunc('year', ((case when s.account_id is not null then s.responded_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, s.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from survey_responses s cross join lateral (values (false), (true)) any_o(is_any)  where (case when s.account_id is not null then s.responded_at end) is not null group by 1, 2, 3) c group by 1, 2, 3;
  DELETE FROM account_touch_chain;
  insert into account_touch_chain (kind, account_id, owner_id, month, prev_month, since_month, churn_month, own)
    select w.kind, w.account_id, w.owner_id, w.month, w.prev_month, (case when w.kind = 'touch' then date_trunc('month', a.customer_since::timestamp)::date end), (case when w.kind = 'touch' then date_trunc('month', a.churned_at::timestamp)::date end), (case when w.kind = 'touch' and w.owner_id <> 0 and w.owner_id = a.owner_id then 1 else 0 end)
    from (select 'touch'::text as kind, c.account_id, c.owner_id, c.month,
      lag(c.month) over (partition by c.account_id, c.owner_id order by c.month) as prev_month
    from (select y.account_id, y.owner_id, (y.day + make_interval(months => m - 1))::date as month
    from account_touch_years y
    cross join generate_series(1, 12) m
    where (array[y.m1, y.m2, y.m3, y.m4, y.m5, y.m6, y.m7, y.m8, y.m9, y.m10, y.m11, y.m12])[m] > 0 and y.owner_id is not null) c) w left join accounts a on a.id = w.account_id
    order by 1, 2, 3, 4;
  insert into account_touch_chain (kind, account_id, owner_id, month, prev_month, since_month, churn_month, own)
    select w.kind, w.account_id, w.owner_id, w.month, w.prev_month, (case when w.kind = 'touch' then date_trunc('month', a.customer_since::timestamp)::date end), (case when w.kind = 'touch' then date_trunc('month', a.churned_at::timestamp)::date end), (case when w.kind = 'touch' and w.owner_id <> 0 and w.owner_id = a.owner_id then 1 else 0 end)
    from (select 'upsell'::text as kind, c.account_id, c.owner_id, c.month,
      lag(c.month) over (partition by c.account_id, c.owner_id order by c.month) as prev_month
    from (select d.account_id, o.owner_id, date_trunc('month', d.closed_at at time zone 'UTC')::date as month
    from deals d cross join lateral (values (d.owner_id), (0)) o(owner_id)
    
    where d.stage = 'won' and d.type in ('upsell', 'cross_sell') and d.account_id is not null and d.closed_at is not null and o.owner_id is not null
    group by 1, 2, 3) c) w left join accounts a on a.id = w.account_id
    order by 1, 2, 3, 4;
  DELETE FROM touch_chain_months;
  INSERT INTO touch_chain_months (day, owner_id, kind, prev_month, since_month, churn_month, own, n) select date_trunc('month', tc.month::timestamp)::date as day, tc.owner_id as owner_id, tc.kind as kind, tc.prev_month as prev_month, tc.since_month as since_month, tc.churn_month as churn_month, tc.own as own, sum(1)::int as n from account_touch_chain tc  where tc.month is not null group by 1, 2, 3, 4, 5, 6, 7;
  ALTER TABLE account_touch_years ENABLE TRIGGER USER; ALTER TABLE account_touch_chain ENABLE TRIGGER USER;
END;
$$;
--> statement-breakpoint
SELECT crm_summary_rebuild();
