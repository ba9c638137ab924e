CREATE TABLE "customer_days" (
	"day" date NOT NULL,
	"owner_id" integer,
	"n" integer DEFAULT 0 NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	"ends" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "customer_days_key" UNIQUE NULLS NOT DISTINCT("day","owner_id")
);
--> statement-breakpoint
CREATE TABLE "customer_months" (
	"day" date NOT NULL,
	"owner_id" integer,
	"n" integer DEFAULT 0 NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	"ends" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "customer_months_key" UNIQUE NULLS NOT DISTINCT("day","owner_id")
);

--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into customer_days as x (day, owner_id, n, starts, ends)
    select day, owner_id, sum(n)::int, sum(starts)::int, sum(ends)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from new_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into customer_months as x (day, owner_id, n, starts, ends)
    select day, owner_id, sum(n)::int, sum(starts)::int, sum(ends)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from new_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into customer_days as x (day, owner_id, n, starts, ends)
    select day, owner_id, sum(n)::int, sum(starts)::int, sum(ends)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends from old_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2
      union all select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from new_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into customer_months as x (day, owner_id, n, starts, ends)
    select day, owner_id, sum(n)::int, sum(starts)::int, sum(ends)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends from old_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2
      union all select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from new_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into customer_days as x (day, owner_id, n, starts, ends)
    select day, owner_id, sum(n)::int, sum(starts)::int, sum(ends)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends from old_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into customer_months as x (day, owner_id, n, starts, ends)
    select day, owner_id, sum(n)::int, sum(starts)::int, sum(ends)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends from old_rows a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_days; DELETE FROM customer_months;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_summary_ins AFTER INSERT ON accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_accounts_ins();
--> statement-breakpoint
CREATE TRIGGER accounts_summary_upd AFTER UPDATE ON accounts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_accounts_upd();
--> statement-breakpoint
CREATE TRIGGER accounts_summary_del AFTER DELETE ON accounts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_accounts_del();
--> statement-breakpoint
CREATE TRIGGER accounts_summary_trunc AFTER TRUNCATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION crm_summary_accounts_trunc();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM lead_created_days;
  INSERT INTO lead_created_days (day, owner_id, source, n, converted, contacted, contact_hours) select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours from leads l  where l.created_at is not null group by 1, 2, 3;
  DELETE FROM lead_created_months;
  INSERT INTO lead_created_months (day, owner_id, source, n, converted, contacted, contact_hours) select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours from leads l  where l.created_at is not null group by 1, 2, 3;
  DELETE FROM lead_mql_days;
  INSERT INTO lead_mql_days (day, owner_id, source, n, sqls) select (l.mql_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.mql_at is not null group by 1, 2, 3;
  DELETE FROM lead_mql_months;
  INSERT INTO lead_mql_months (day, owner_id, source, n, sqls) select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.mql_at is not null group by 1, 2, 3;
  DELETE FROM deal_closed_days;
  INSERT INTO deal_closed_days (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum) select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from deals d  where d.closed_at is not null group by 1, 2, 3;
  DELETE FROM deal_closed_months;
  INSERT INTO deal_closed_months (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum) select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from deals d  where d.closed_at is not null group by 1, 2, 3;
  DELETE FROM order_days;
  INSERT INTO order_days (day, owner_id, product, n, amount, costed, profit) select (o.ordered_at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3;
  DELETE FROM order_months;
  INSERT INTO order_months (day, owner_id, product, n, amount, costed, profit) select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, own_a.owner_id as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3;
  DELETE FROM ticket_created_days;
  INSERT INTO ticket_created_days (day, owner_id, channel, n, responded, response_hours, complaints, complaints_resolved) select (t.created_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t  where t.created_at is not null group by 1, 2, 3;
  DELETE FROM ticket_created_months;
  INSERT INTO ticket_created_months (day, owner_id, channel, n, responded, response_hours, complaints, complaints_resolved) select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t  where t.created_at is not null group by 1, 2, 3;
  DELETE FROM ticket_resolved_days;
  INSERT INTO ticket_resolved_days (day, owner_id, channel, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select (t.resolved_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t  where t.resolved_at is not null group by 1, 2, 3;
  DELETE FROM ticket_resolved_months;
  INSERT INTO ticket_resolved_months (day, owner_id, channel, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t  where t.resolved_at is not null group by 1, 2, 3;
  DELETE FROM customer_days;
  INSERT INTO customer_days (day, owner_id, n, starts, ends) select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from accounts a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2;
  DELETE FROM customer_months;
  INSERT INTO customer_months (day, owner_id, n, starts, ends) select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from accounts a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2;
  DELETE FROM survey_days;
  INSERT INTO survey_days (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select (s.responded_at at time zone 'UTC')::date as day, (case when s.ticket_id is not null then own_t.assignee_id else own_a.owner_id end) as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s left join tickets own_t on own_t.id = s.ticket_id left join accounts own_a on own_a.id = s.account_id where s.responded_at is not null group by 1, 2;
  DELETE FROM survey_months;
  INSERT INTO survey_months (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when s.ticket_id is not null then own_t.assignee_id else own_a.owner_id end) as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s left join tickets own_t on own_t.id = s.ticket_id left join accounts own_a on own_a.id = s.account_id where s.responded_at is not null group by 1, 2;
END;
$$;
--> statement-breakpoint
INSERT INTO customer_days (day, owner_id, n, starts, ends) select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from accounts a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2;
--> statement-breakpoint
INSERT INTO customer_months (day, owner_id, n, starts, ends) select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends from accounts a cross join lateral (values (a.customer_since, 1, 0), (case when a.customer_since is not null then a.churned_at end, 0, 1)) ev(day, starts, ends)  where ev.day is not null group by 1, 2;