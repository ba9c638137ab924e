CREATE TABLE "deal_open_days" (
	"day" date NOT NULL,
	"owner_id" integer,
	"product" text,
	"n" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"opened_amount" numeric DEFAULT '0' NOT NULL,
	"closed_amount" numeric DEFAULT '0' NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "deal_open_days_key" UNIQUE NULLS NOT DISTINCT("day","owner_id","product")
);
--> statement-breakpoint
CREATE TABLE "deal_open_months" (
	"day" date NOT NULL,
	"owner_id" integer,
	"product" text,
	"n" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"opened_amount" numeric DEFAULT '0' NOT NULL,
	"closed_amount" numeric DEFAULT '0' NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "deal_open_months_key" UNIQUE NULLS NOT DISTINCT("day","owner_id","product")
);
--> statement-breakpoint
ALTER TABLE "lead_created_days" ADD COLUMN "owned" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_created_months" ADD COLUMN "owned" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_leads_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into lead_created_days as x (day, owner_id, source, n, converted, contacted, contact_hours, owned)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int
    from (select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from new_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_created_months as x (day, owner_id, source, n, converted, contacted, contact_hours, owned)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int
    from (select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from new_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_mql_days as x (day, owner_id, source, n, sqls)
    select day, owner_id, source, sum(n)::int, sum(sqls)::int
    from (select (l.mql_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l  where l.mql_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_mql_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_mql_months as x (day, owner_id, source, n, sqls)
    select day, owner_id, source, sum(n)::int, sum(sqls)::int
    from (select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l  where l.mql_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_mql_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_leads_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into lead_created_days as x (day, owner_id, source, n, converted, contacted, contact_hours, owned)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int
    from (select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from old_rows l  where l.created_at is not null group by 1, 2, 3
      union all select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from new_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_created_months as x (day, owner_id, source, n, converted, contacted, contact_hours, owned)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int
    from (select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from old_rows l  where l.created_at is not null group by 1, 2, 3
      union all select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from new_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_mql_days as x (day, owner_id, source, n, sqls)
    select day, owner_id, source, sum(n)::int, sum(sqls)::int
    from (select (l.mql_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l  where l.mql_at is not null group by 1, 2, 3
      union all select (l.mql_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l  where l.mql_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_mql_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_mql_months as x (day, owner_id, source, n, sqls)
    select day, owner_id, source, sum(n)::int, sum(sqls)::int
    from (select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l  where l.mql_at is not null group by 1, 2, 3
      union all select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l  where l.mql_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_mql_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_leads_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into lead_created_days as x (day, owner_id, source, n, converted, contacted, contact_hours, owned)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int
    from (select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from old_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_created_months as x (day, owner_id, source, n, converted, contacted, contact_hours, owned)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int
    from (select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from old_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_mql_days as x (day, owner_id, source, n, sqls)
    select day, owner_id, source, sum(n)::int, sum(sqls)::int
    from (select (l.mql_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l  where l.mql_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_mql_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_mql_months as x (day, owner_id, source, n, sqls)
    select day, owner_id, source, sum(n)::int, sum(sqls)::int
    from (select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l  where l.mql_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_mql_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_leads_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM lead_created_days; DELETE FROM lead_created_months; DELETE FROM lead_mql_days; DELETE FROM lead_mql_months;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_deals_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into deal_closed_days as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric
    from (select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from new_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_closed_months as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from new_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_open_days as x (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled)
    select day, owner_id, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int
    from (select ev.day::timestamp::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from new_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(opened) <> 0 or sum(closed) <> 0 or sum(opened_amount) <> 0 or sum(closed_amount) <> 0 or sum(filled) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, opened = x.opened + excluded.opened, closed = x.closed + excluded.closed, opened_amount = x.opened_amount + excluded.opened_amount, closed_amount = x.closed_amount + excluded.closed_amount, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_open_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_open_months as x (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled)
    select day, owner_id, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from new_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(opened) <> 0 or sum(closed) <> 0 or sum(opened_amount) <> 0 or sum(closed_amount) <> 0 or sum(filled) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, opened = x.opened + excluded.opened, closed = x.closed + excluded.closed, opened_amount = x.opened_amount + excluded.opened_amount, closed_amount = x.closed_amount + excluded.closed_amount, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_open_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_deals_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into deal_closed_days as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric
    from (select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from old_rows d  where d.closed_at is not null group by 1, 2, 3
      union all select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from new_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_closed_months as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from old_rows d  where d.closed_at is not null group by 1, 2, 3
      union all select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from new_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_open_days as x (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled)
    select day, owner_id, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int
    from (select ev.day::timestamp::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum(ev.opened)::int as opened, -sum(ev.closed)::int as closed, -sum(ev.opened_amount)::numeric as opened_amount, -sum(ev.closed_amount)::numeric as closed_amount, -sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from old_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3
      union all select ev.day::timestamp::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from new_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(opened) <> 0 or sum(closed) <> 0 or sum(opened_amount) <> 0 or sum(closed_amount) <> 0 or sum(filled) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, opened = x.opened + excluded.opened, closed = x.closed + excluded.closed, opened_amount = x.opened_amount + excluded.opened_amount, closed_amount = x.closed_amount + excluded.closed_amount, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_open_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_open_months as x (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled)
    select day, owner_id, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum(ev.opened)::int as opened, -sum(ev.closed)::int as closed, -sum(ev.opened_amount)::numeric as opened_amount, -sum(ev.closed_amount)::numeric as closed_amount, -sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from old_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3
      union all select date_trunc('month', ev.day::timestamp)::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from new_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(opened) <> 0 or sum(closed) <> 0 or sum(opened_amount) <> 0 or sum(closed_amount) <> 0 or sum(filled) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, opened = x.opened + excluded.opened, closed = x.closed + excluded.closed, opened_amount = x.opened_amount + excluded.opened_amount, closed_amount = x.closed_amount + excluded.closed_amount, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_open_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_deals_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into deal_closed_days as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric
    from (select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from old_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_closed_months as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum from old_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_open_days as x (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled)
    select day, owner_id, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int
    from (select ev.day::timestamp::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum(ev.opened)::int as opened, -sum(ev.closed)::int as closed, -sum(ev.opened_amount)::numeric as opened_amount, -sum(ev.closed_amount)::numeric as closed_amount, -sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from old_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(opened) <> 0 or sum(closed) <> 0 or sum(opened_amount) <> 0 or sum(closed_amount) <> 0 or sum(filled) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, opened = x.opened + excluded.opened, closed = x.closed + excluded.closed, opened_amount = x.opened_amount + excluded.opened_amount, closed_amount = x.closed_amount + excluded.closed_amount, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_open_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_open_months as x (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled)
    select day, owner_id, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum(ev.opened)::int as opened, -sum(ev.closed)::int as closed, -sum(ev.opened_amount)::numeric as opened_amount, -sum(ev.closed_amount)::numeric as closed_amount, -sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from old_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(opened) <> 0 or sum(closed) <> 0 or sum(opened_amount) <> 0 or sum(closed_amount) <> 0 or sum(filled) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, opened = x.opened + excluded.opened, closed = x.closed + excluded.closed, opened_amount = x.opened_amount + excluded.opened_amount, closed_amount = x.closed_amount + excluded.closed_amount, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_open_months x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_deals_trunc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM deal_closed_days; DELETE FROM deal_closed_months; DELETE FROM deal_open_days; DELETE FROM deal_open_months;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM lead_created_days;
  INSERT INTO lead_created_days (day, owner_id, source, n, converted, contacted, contact_hours, owned) select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from leads l  where l.created_at is not null group by 1, 2, 3;
  DELETE FROM lead_created_months;
  INSERT INTO lead_created_months (day, owner_id, source, n, converted, contacted, contact_hours, owned) select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned from leads l  where l.created_at is not null group by 1, 2, 3;
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
  DELETE FROM deal_open_days;
  INSERT INTO deal_open_days (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select ev.day::timestamp::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from deals d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM deal_open_months;
  INSERT INTO deal_open_months (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select date_trunc('month', ev.day::timestamp)::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from deals d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM survey_days;
  INSERT INTO survey_days (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select (s.responded_at at time zone 'UTC')::date as day, (case when s.ticket_id is not null then own_t.assignee_id else own_a.owner_id end) as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s left join tickets own_t on own_t.id = s.ticket_id left join accounts own_a on own_a.id = s.account_id where s.responded_at is not null group by 1, 2;
  DELETE FROM survey_months;
  INSERT INTO survey_months (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when s.ticket_id is not null then own_t.assignee_id else own_a.owner_id end) as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s left join tickets own_t on own_t.id = s.ticket_id left join accounts own_a on own_a.id = s.account_id where s.responded_at is not null group by 1, 2;
END;
$$;
--> statement-breakpoint
-- The new tables and the leads' new column, built from the rows there are.
SELECT crm_summary_rebuild();
