CREATE INDEX "account_months_owner" ON "account_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "customer_months_owner" ON "customer_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "deal_closed_months_owner" ON "deal_closed_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "deal_open_months_owner" ON "deal_open_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "lead_created_months_owner" ON "lead_created_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "lead_mql_months_owner" ON "lead_mql_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "order_chain_months_owner" ON "order_chain_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "order_months_owner" ON "order_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "survey_months_owner" ON "survey_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "ticket_created_months_owner" ON "ticket_created_months" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "ticket_resolved_months_owner" ON "ticket_resolved_months" USING btree ("owner_id","day");--> statement-breakpoint
-- The month tables' any-owner rows (owner 0) for the data already there: the sums of the owners' rows.
INSERT INTO lead_created_months (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls) select day, 0, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int from lead_created_months group by day, source;--> statement-breakpoint
INSERT INTO lead_mql_months (day, owner_id, source, n, sqls) select day, 0, source, sum(n)::int, sum(sqls)::int from lead_mql_months group by day, source;--> statement-breakpoint
INSERT INTO deal_closed_months (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5) select day, 0, product, segment, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int from deal_closed_months group by day, product, segment;--> statement-breakpoint
INSERT INTO order_months (day, owner_id, product, segment, n, amount, costed, profit) select day, 0, product, segment, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric from order_months group by day, product, segment;--> statement-breakpoint
INSERT INTO ticket_created_months (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved) select day, 0, channel, segment, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int from ticket_created_months group by day, channel, segment;--> statement-breakpoint
INSERT INTO ticket_resolved_months (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select day, 0, channel, segment, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric from ticket_resolved_months group by day, channel, segment;--> statement-breakpoint
INSERT INTO customer_months (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals) select day, 0, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int from customer_months group by day, since_month;--> statement-breakpoint
INSERT INTO deal_open_months (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select day, 0, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int from deal_open_months group by day, product;--> statement-breakpoint
INSERT INTO survey_months (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select day, 0, segment, region, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric from survey_months group by day, segment, region;--> statement-breakpoint
INSERT INTO order_chain_months (day, owner_id, chain, prev_month, prev2_month, n) select day, 0, chain, prev_month, prev2_month, sum(n)::int from order_chain_months group by day, chain, prev_month, prev2_month;--> statement-breakpoint
INSERT INTO account_months (day, owner_id, n, filled) select day, 0, sum(n)::int, sum(filled)::int from account_months group by day;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_leads_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into lead_created_days as x (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int
    from (select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0 or sum(mql) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned, mql = x.mql + excluded.mql, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_created_months as x (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int
    from (select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0 or sum(mql) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned, mql = x.mql + excluded.mql, sqls = x.sqls + excluded.sqls
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
    from (select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.mql_at is not null group by 1, 2, 3) c
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
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_leads_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into lead_created_days as x (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int
    from (select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, -sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l  where l.created_at is not null group by 1, 2, 3
      union all select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0 or sum(mql) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned, mql = x.mql + excluded.mql, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_created_months as x (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int
    from (select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, -sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.created_at is not null group by 1, 2, 3
      union all select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0 or sum(mql) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned, mql = x.mql + excluded.mql, sqls = x.sqls + excluded.sqls
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
    from (select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.mql_at is not null group by 1, 2, 3
      union all select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from new_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.mql_at is not null group by 1, 2, 3) c
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
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_leads_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into lead_created_days as x (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int
    from (select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, -sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0 or sum(mql) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned, mql = x.mql + excluded.mql, sqls = x.sqls + excluded.sqls
    returning x.day, x.owner_id, x.source, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(source) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from lead_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.source is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into lead_created_months as x (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls)
    select day, owner_id, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int
    from (select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, -sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, -sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, -sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, -sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(converted) <> 0 or sum(contacted) <> 0 or sum(contact_hours) <> 0 or sum(owned) <> 0 or sum(mql) <> 0 or sum(sqls) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, source) do update set n = x.n + excluded.n, converted = x.converted + excluded.converted, contacted = x.contacted + excluded.contacted, contact_hours = x.contact_hours + excluded.contact_hours, owned = x.owned + excluded.owned, mql = x.mql + excluded.mql, sqls = x.sqls + excluded.sqls
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
    from (select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else l.owner_id end) as owner_id, l.source as source, -sum(1)::int as n, -sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from old_rows l cross join lateral (values (false), (true)) any_o(is_any)  where l.mql_at is not null group by 1, 2, 3) c
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
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_deals_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into deal_closed_days as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from new_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_closed_months as x (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, segment, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, segment_a.segment as segment, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from new_rows d cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = d.account_id where d.closed_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
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
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from new_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3) c
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
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_deals_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into deal_closed_days as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, -sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from old_rows d  where d.closed_at is not null group by 1, 2, 3
      union all select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from new_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_closed_months as x (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, segment, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, segment_a.segment as segment, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, -sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from old_rows d cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = d.account_id where d.closed_at is not null group by 1, 2, 3, 4
      union all select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, segment_a.segment as segment, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from new_rows d cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = d.account_id where d.closed_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
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
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, -sum(1)::int as n, -sum(ev.opened)::int as opened, -sum(ev.closed)::int as closed, -sum(ev.opened_amount)::numeric as opened_amount, -sum(ev.closed_amount)::numeric as closed_amount, -sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from old_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3
      union all select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from new_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3) c
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
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_deals_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into deal_closed_days as x (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, -sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from old_rows d  where d.closed_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into deal_closed_months as x (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, segment, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, segment_a.segment as segment, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, -sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from old_rows d cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = d.account_id where d.closed_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
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
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, -sum(1)::int as n, -sum(ev.opened)::int as opened, -sum(ev.closed)::int as closed, -sum(ev.opened_amount)::numeric as opened_amount, -sum(ev.closed_amount)::numeric as closed_amount, -sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from old_rows d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3) c
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
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_orders_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into order_days as x (day, owner_id, product, n, amount, costed, profit)
    select day, owner_id, product, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select (o.ordered_at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from new_rows o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from order_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into order_months as x (day, owner_id, product, segment, n, amount, costed, profit)
    select day, owner_id, product, segment, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.product as product, segment_a.segment as segment, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from new_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id left join accounts segment_a on segment_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into order_chain_days as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select (ev.at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from new_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into order_chain_months as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from new_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from new_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_orders_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into order_days as x (day, owner_id, product, n, amount, costed, profit)
    select day, owner_id, product, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select (o.ordered_at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, o.product as product, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from old_rows o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3
      union all select (o.ordered_at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from new_rows o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from order_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into order_months as x (day, owner_id, product, segment, n, amount, costed, profit)
    select day, owner_id, product, segment, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.product as product, segment_a.segment as segment, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from old_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id left join accounts segment_a on segment_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4
      union all select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.product as product, segment_a.segment as segment, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from new_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id left join accounts segment_a on segment_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into order_chain_days as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select (ev.at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from old_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5
      union all select (ev.at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from new_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into order_chain_months as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from old_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5
      union all select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from new_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from old_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3
      union all select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from new_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_orders_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into order_days as x (day, owner_id, product, n, amount, costed, profit)
    select day, owner_id, product, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select (o.ordered_at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, o.product as product, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from old_rows o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from order_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into order_months as x (day, owner_id, product, segment, n, amount, costed, profit)
    select day, owner_id, product, segment, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.product as product, segment_a.segment as segment, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from old_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id left join accounts segment_a on segment_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into order_chain_days as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select (ev.at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from old_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into order_chain_months as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from old_rows o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else own_a.owner_id end) as owner_id, o.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from old_rows o cross join lateral (values (false), (true)) any_o(is_any) left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_tickets_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into ticket_created_days as x (day, owner_id, channel, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select (t.created_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from new_rows t  where t.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, channel) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(channel) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.channel is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into ticket_created_months as x (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, segment, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from new_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.created_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into ticket_resolved_days as x (day, owner_id, channel, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select (t.resolved_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from new_rows t  where t.resolved_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, channel) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(channel) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.channel is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into ticket_resolved_months as x (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, segment, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from new_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.resolved_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', ((case when t.account_id is not null then t.created_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', t.created_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', t.created_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', t.created_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', t.created_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', t.created_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', t.created_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', t.created_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', t.created_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', t.created_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', t.created_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', t.created_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', t.created_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from new_rows t cross join lateral (values (false), (true)) any_o(is_any)  where (case when t.account_id is not null then t.created_at end) is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_tickets_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into ticket_created_days as x (day, owner_id, channel, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select (t.created_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, -sum(1)::int as n, -sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, -sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, -sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, -sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from old_rows t  where t.created_at is not null group by 1, 2, 3
      union all select (t.created_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from new_rows t  where t.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, channel) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(channel) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.channel is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into ticket_created_months as x (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, segment, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, -sum(1)::int as n, -sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, -sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, -sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, -sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from old_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.created_at is not null group by 1, 2, 3, 4
      union all select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from new_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.created_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into ticket_resolved_days as x (day, owner_id, channel, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select (t.resolved_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, -sum(1)::int as n, -sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, -sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, -sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, -sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, -sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from old_rows t  where t.resolved_at is not null group by 1, 2, 3
      union all select (t.resolved_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from new_rows t  where t.resolved_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, channel) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(channel) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.channel is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into ticket_resolved_months as x (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, segment, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, -sum(1)::int as n, -sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, -sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, -sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, -sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, -sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from old_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.resolved_at is not null group by 1, 2, 3, 4
      union all select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from new_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.resolved_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', ((case when t.account_id is not null then t.created_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from old_rows t cross join lateral (values (false), (true)) any_o(is_any)  where (case when t.account_id is not null then t.created_at end) is not null group by 1, 2, 3
      union all select date_trunc('year', ((case when t.account_id is not null then t.created_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', t.created_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', t.created_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', t.created_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', t.created_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', t.created_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', t.created_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', t.created_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', t.created_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', t.created_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', t.created_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', t.created_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', t.created_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from new_rows t cross join lateral (values (false), (true)) any_o(is_any)  where (case when t.account_id is not null then t.created_at end) is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_tickets_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into ticket_created_days as x (day, owner_id, channel, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select (t.created_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, -sum(1)::int as n, -sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, -sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, -sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, -sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from old_rows t  where t.created_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, channel) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(channel) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.channel is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into ticket_created_months as x (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, segment, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, -sum(1)::int as n, -sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, -sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, -sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, -sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from old_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.created_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into ticket_resolved_days as x (day, owner_id, channel, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select (t.resolved_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, -sum(1)::int as n, -sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, -sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, -sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, -sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, -sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from old_rows t  where t.resolved_at is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, channel) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(channel) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.channel is not distinct from z.k and x.n = 0;
  end if;
  with up as (
    insert into ticket_resolved_months as x (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, segment, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, segment_a.segment as segment, -sum(1)::int as n, -sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, -sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, -sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, -sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, -sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from old_rows t cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = t.account_id where t.resolved_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', ((case when t.account_id is not null then t.created_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', t.created_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from old_rows t cross join lateral (values (false), (true)) any_o(is_any)  where (case when t.account_id is not null then t.created_at end) is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into customer_days as x (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals)
    select day, owner_id, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from new_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0 or sum(journey_n) <> 0 or sum(journey_days) <> 0 or sum(referrals) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, since_month) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends, journey_n = x.journey_n + excluded.journey_n, journey_days = x.journey_days + excluded.journey_days, referrals = x.referrals + excluded.referrals
    returning x.day, x.owner_id, x.since_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into customer_months as x (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals)
    select day, owner_id, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from new_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0 or sum(journey_n) <> 0 or sum(journey_days) <> 0 or sum(referrals) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, since_month) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends, journey_n = x.journey_n + excluded.journey_n, journey_days = x.journey_days + excluded.journey_days, referrals = x.referrals + excluded.referrals
    returning x.day, x.owner_id, x.since_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_days as x (day, owner_id, n, filled)
    select day, owner_id, sum(n)::int, sum(filled)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from new_rows a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(filled) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_months as x (day, owner_id, n, filled)
    select day, owner_id, sum(n)::int, sum(filled)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from new_rows a cross join lateral (values ('0001-01-01'::date)) ev(day) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(filled) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into customer_days as x (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals)
    select day, owner_id, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, ev.since_month as since_month, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, -sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from old_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3
      union all select ev.day::timestamp::date as day, a.owner_id as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from new_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0 or sum(journey_n) <> 0 or sum(journey_days) <> 0 or sum(referrals) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, since_month) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends, journey_n = x.journey_n + excluded.journey_n, journey_days = x.journey_days + excluded.journey_days, referrals = x.referrals + excluded.referrals
    returning x.day, x.owner_id, x.since_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into customer_months as x (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals)
    select day, owner_id, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, ev.since_month as since_month, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, -sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from old_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3
      union all select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from new_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0 or sum(journey_n) <> 0 or sum(journey_days) <> 0 or sum(referrals) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, since_month) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends, journey_n = x.journey_n + excluded.journey_n, journey_days = x.journey_days + excluded.journey_days, referrals = x.referrals + excluded.referrals
    returning x.day, x.owner_id, x.since_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_days as x (day, owner_id, n, filled)
    select day, owner_id, sum(n)::int, sum(filled)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, -sum(1)::int as n, -sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from old_rows a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2
      union all select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from new_rows a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(filled) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_months as x (day, owner_id, n, filled)
    select day, owner_id, sum(n)::int, sum(filled)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, -sum(1)::int as n, -sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from old_rows a cross join lateral (values ('0001-01-01'::date)) ev(day) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2
      union all select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from new_rows a cross join lateral (values ('0001-01-01'::date)) ev(day) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(filled) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into customer_days as x (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals)
    select day, owner_id, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, ev.since_month as since_month, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, -sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from old_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0 or sum(journey_n) <> 0 or sum(journey_days) <> 0 or sum(referrals) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, since_month) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends, journey_n = x.journey_n + excluded.journey_n, journey_days = x.journey_days + excluded.journey_days, referrals = x.referrals + excluded.referrals
    returning x.day, x.owner_id, x.since_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into customer_months as x (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals)
    select day, owner_id, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, ev.since_month as since_month, -sum(1)::int as n, -sum(ev.starts)::int as starts, -sum(ev.ends)::int as ends, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, -sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, -sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from old_rows a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(starts) <> 0 or sum(ends) <> 0 or sum(journey_n) <> 0 or sum(journey_days) <> 0 or sum(referrals) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, since_month) do update set n = x.n + excluded.n, starts = x.starts + excluded.starts, ends = x.ends + excluded.ends, journey_n = x.journey_n + excluded.journey_n, journey_days = x.journey_days + excluded.journey_days, referrals = x.referrals + excluded.referrals
    returning x.day, x.owner_id, x.since_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from customer_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_days as x (day, owner_id, n, filled)
    select day, owner_id, sum(n)::int, sum(filled)::int
    from (select ev.day::timestamp::date as day, a.owner_id as owner_id, -sum(1)::int as n, -sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from old_rows a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(filled) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_months as x (day, owner_id, n, filled)
    select day, owner_id, sum(n)::int, sum(filled)::int
    from (select date_trunc('month', ev.day::timestamp)::date as day, (case when any_o.is_any then 0 else a.owner_id end) as owner_id, -sum(1)::int as n, -sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from old_rows a cross join lateral (values ('0001-01-01'::date)) ev(day) cross join lateral (values (false), (true)) any_o(is_any)  where ev.day is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(filled) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, filled = x.filled + excluded.filled
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_survey_responses_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into survey_days as x (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select (s.responded_at at time zone 'UTC')::date as day, s.owner_id as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from new_rows s  where s.responded_at is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into survey_months as x (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, segment, region, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, segment_a.segment as segment, segment_a.region as region, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from new_rows s cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = s.account_id where s.responded_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, segment, region) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.segment, x.region, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', ((case when s.account_id is not null then s.responded_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, s.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from new_rows s cross join lateral (values (false), (true)) any_o(is_any)  where (case when s.account_id is not null then s.responded_at end) is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_survey_responses_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into survey_days as x (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select (s.responded_at at time zone 'UTC')::date as day, s.owner_id as owner_id, -sum(1)::int as n, -sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, -sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, -sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, -sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, -sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, -sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from old_rows s  where s.responded_at is not null group by 1, 2
      union all select (s.responded_at at time zone 'UTC')::date as day, s.owner_id as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from new_rows s  where s.responded_at is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into survey_months as x (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, segment, region, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, segment_a.segment as segment, segment_a.region as region, -sum(1)::int as n, -sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, -sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, -sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, -sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, -sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, -sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from old_rows s cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = s.account_id where s.responded_at is not null group by 1, 2, 3, 4
      union all select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, segment_a.segment as segment, segment_a.region as region, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from new_rows s cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = s.account_id where s.responded_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, segment, region) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.segment, x.region, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', ((case when s.account_id is not null then s.responded_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, s.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from old_rows s cross join lateral (values (false), (true)) any_o(is_any)  where (case when s.account_id is not null then s.responded_at end) is not null group by 1, 2, 3
      union all select date_trunc('year', ((case when s.account_id is not null then s.responded_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, s.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', s.responded_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from new_rows s cross join lateral (values (false), (true)) any_o(is_any)  where (case when s.account_id is not null then s.responded_at end) is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_survey_responses_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with up as (
    insert into survey_days as x (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select (s.responded_at at time zone 'UTC')::date as day, s.owner_id as owner_id, -sum(1)::int as n, -sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, -sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, -sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, -sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, -sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, -sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from old_rows s  where s.responded_at is not null group by 1, 2) c
    group by 1, 2 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2
    on conflict (day, owner_id) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into survey_months as x (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, segment, region, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, segment_a.segment as segment, segment_a.region as region, -sum(1)::int as n, -sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, -sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, -sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, -sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, -sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, -sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from old_rows s cross join lateral (values (false), (true)) any_o(is_any)  left join accounts segment_a on segment_a.id = s.account_id where s.responded_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, segment, region) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.segment, x.region, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', ((case when s.account_id is not null then s.responded_at end) at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, s.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', s.responded_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from old_rows s cross join lateral (values (false), (true)) any_o(is_any)  where (case when s.account_id is not null then s.responded_at end) is not null group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_owner_upd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into deal_closed_months as x (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, segment, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, mv.old_segment as segment, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, -sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = d.account_id  where d.closed_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4
      union all select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, mv.new_segment as segment, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = d.account_id  where d.closed_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into order_days as x (day, owner_id, product, n, amount, costed, profit)
    select day, owner_id, product, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select (o.ordered_at at time zone 'UTC')::date as day, mv.old_owner as owner_id, o.product as product, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3
      union all select (o.ordered_at at time zone 'UTC')::date as day, mv.new_owner as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from order_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into order_months as x (day, owner_id, product, segment, n, amount, costed, profit)
    select day, owner_id, product, segment, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.old_owner end) as owner_id, o.product as product, mv.old_segment as segment, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4
      union all select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.new_owner end) as owner_id, o.product as product, mv.new_segment as segment, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into ticket_created_months as x (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, segment, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.old_segment as segment, -sum(1)::int as n, -sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, -sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, -sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, -sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.created_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4
      union all select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.new_segment as segment, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.created_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into ticket_resolved_months as x (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, segment, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.old_segment as segment, -sum(1)::int as n, -sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, -sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, -sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, -sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, -sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.resolved_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4
      union all select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.new_segment as segment, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.resolved_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into survey_months as x (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, segment, region, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, mv.old_segment as segment, mv.old_region as region, -sum(1)::int as n, -sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, -sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, -sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, -sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, -sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, -sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = s.account_id  where s.responded_at is not null and (mv.old_segment is distinct from mv.new_segment or mv.old_region is distinct from mv.new_region) group by 1, 2, 3, 4
      union all select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, mv.new_segment as segment, mv.new_region as region, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = s.account_id  where s.responded_at is not null and (mv.old_segment is distinct from mv.new_segment or mv.old_region is distinct from mv.new_region) group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, segment, region) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.segment, x.region, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into order_chain_days as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select (ev.at at time zone 'UTC')::date as day, mv.old_owner as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5
      union all select (ev.at at time zone 'UTC')::date as day, mv.new_owner as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into order_chain_months as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.old_owner end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5
      union all select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.new_owner end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select nr.id, orr.owner_id as old_owner, nr.owner_id as new_owner, orr.segment as old_segment, nr.segment as new_segment, orr.region as old_region, nr.region as new_region
      from new_rows nr join old_rows orr on orr.id = nr.id where nr.owner_id is distinct from orr.owner_id or nr.segment is distinct from orr.segment or nr.region is distinct from orr.region), up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.old_owner end) as owner_id, o.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3
      union all select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.new_owner end) as owner_id, o.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_accounts_owner_del() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d_ date[]; o_ int[]; k_ text[];
BEGIN
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into deal_closed_months as x (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5)
    select day, owner_id, product, segment, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int
    from (select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, mv.old_segment as segment, -sum(1)::int as n, -sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, -sum((case when d.stage = 'won' then 1 else 0 end))::int as won, -sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, -sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, -sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, -sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, -sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, -sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = d.account_id  where d.closed_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4
      union all select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else d.owner_id end) as owner_id, d.product as product, mv.new_segment as segment, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = d.account_id  where d.closed_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(decided) <> 0 or sum(won) <> 0 or sum(won_amount) <> 0 or sum(won_days) <> 0 or sum(acv_n) <> 0 or sum(acv_sum) <> 0 or sum(won_size0) <> 0 or sum(won_size1) <> 0 or sum(won_size2) <> 0 or sum(won_size3) <> 0 or sum(won_size4) <> 0 or sum(won_size5) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, decided = x.decided + excluded.decided, won = x.won + excluded.won, won_amount = x.won_amount + excluded.won_amount, won_days = x.won_days + excluded.won_days, acv_n = x.acv_n + excluded.acv_n, acv_sum = x.acv_sum + excluded.acv_sum, won_size0 = x.won_size0 + excluded.won_size0, won_size1 = x.won_size1 + excluded.won_size1, won_size2 = x.won_size2 + excluded.won_size2, won_size3 = x.won_size3 + excluded.won_size3, won_size4 = x.won_size4 + excluded.won_size4, won_size5 = x.won_size5 + excluded.won_size5
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from deal_closed_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into order_days as x (day, owner_id, product, n, amount, costed, profit)
    select day, owner_id, product, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select (o.ordered_at at time zone 'UTC')::date as day, mv.old_owner as owner_id, o.product as product, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3
      union all select (o.ordered_at at time zone 'UTC')::date as day, mv.new_owner as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, product) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.n)
  select array_agg(day), array_agg(owner_id), array_agg(product) into d_, o_, k_ from up where n = 0;
  if d_ is not null then
    delete from order_days x using unnest(d_, o_, k_) z(day, owner_id, k)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.product is not distinct from z.k and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into order_months as x (day, owner_id, product, segment, n, amount, costed, profit)
    select day, owner_id, product, segment, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric
    from (select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.old_owner end) as owner_id, o.product as product, mv.old_segment as segment, -sum(1)::int as n, -sum(o.amount)::numeric as amount, -sum((case when o.cost is not null then 1 else 0 end))::int as costed, -sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4
      union all select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.new_owner end) as owner_id, o.product as product, mv.new_segment as segment, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(amount) <> 0 or sum(costed) <> 0 or sum(profit) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, product, segment) do update set n = x.n + excluded.n, amount = x.amount + excluded.amount, costed = x.costed + excluded.costed, profit = x.profit + excluded.profit
    returning x.day, x.owner_id, x.product, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into ticket_created_months as x (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved)
    select day, owner_id, channel, segment, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int
    from (select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.old_segment as segment, -sum(1)::int as n, -sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, -sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, -sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, -sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.created_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4
      union all select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.new_segment as segment, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.created_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(responded) <> 0 or sum(response_hours) <> 0 or sum(complaints) <> 0 or sum(complaints_resolved) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, responded = x.responded + excluded.responded, response_hours = x.response_hours + excluded.response_hours, complaints = x.complaints + excluded.complaints, complaints_resolved = x.complaints_resolved + excluded.complaints_resolved
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_created_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into ticket_resolved_months as x (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum)
    select day, owner_id, channel, segment, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric
    from (select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.old_segment as segment, -sum(1)::int as n, -sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, -sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, -sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, -sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, -sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.resolved_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4
      union all select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else t.assignee_id end) as owner_id, t.channel as channel, mv.new_segment as segment, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = t.account_id  where t.resolved_at is not null and mv.old_segment is distinct from mv.new_segment group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(resolve_hours) <> 0 or sum(fcr_base) <> 0 or sum(fcr_one) <> 0 or sum(aht_n) <> 0 or sum(aht_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, channel, segment) do update set n = x.n + excluded.n, resolve_hours = x.resolve_hours + excluded.resolve_hours, fcr_base = x.fcr_base + excluded.fcr_base, fcr_one = x.fcr_one + excluded.fcr_one, aht_n = x.aht_n + excluded.aht_n, aht_sum = x.aht_sum + excluded.aht_sum
    returning x.day, x.owner_id, x.channel, x.segment, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from ticket_resolved_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into survey_months as x (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum)
    select day, owner_id, segment, region, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric
    from (select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, mv.old_segment as segment, mv.old_region as region, -sum(1)::int as n, -sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, -sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, -sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, -sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, -sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, -sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = s.account_id  where s.responded_at is not null and (mv.old_segment is distinct from mv.new_segment or mv.old_region is distinct from mv.new_region) group by 1, 2, 3, 4
      union all select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else s.owner_id end) as owner_id, mv.new_segment as segment, mv.new_region as region, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = s.account_id  where s.responded_at is not null and (mv.old_segment is distinct from mv.new_segment or mv.old_region is distinct from mv.new_region) group by 1, 2, 3, 4) c
    group by 1, 2, 3, 4 having sum(n) <> 0 or sum(csat_n) <> 0 or sum(csat_pos) <> 0 or sum(nps_n) <> 0 or sum(nps_sum) <> 0 or sum(ces_n) <> 0 or sum(ces_sum) <> 0
    order by 1, 2, 3, 4
    on conflict (day, owner_id, segment, region) do update set n = x.n + excluded.n, csat_n = x.csat_n + excluded.csat_n, csat_pos = x.csat_pos + excluded.csat_pos, nps_n = x.nps_n + excluded.nps_n, nps_sum = x.nps_sum + excluded.nps_sum, ces_n = x.ces_n + excluded.ces_n, ces_sum = x.ces_sum + excluded.ces_sum
    returning x.day, x.owner_id, x.segment, x.region, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from survey_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into order_chain_days as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select (ev.at at time zone 'UTC')::date as day, mv.old_owner as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5
      union all select (ev.at at time zone 'UTC')::date as day, mv.new_owner as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_days x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into order_chain_months as x (day, owner_id, chain, prev_month, prev2_month, n)
    select day, owner_id, chain, prev_month, prev2_month, sum(n)::int
    from (select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.old_owner end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, -sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5
      union all select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.new_owner end) as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where ev.at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3, 4, 5) c
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (day, owner_id, chain, prev_month, prev2_month) do update set n = x.n + excluded.n
    returning x.day, x.owner_id, x.chain, x.prev_month, x.prev2_month, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from order_chain_months x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  with mv as (select OLD.id as id, OLD.owner_id as old_owner, null::int as new_owner, OLD.segment as old_segment, null::text as new_segment, OLD.region as old_region, null::text as new_region), up as (
    insert into account_touch_years as x (day, owner_id, account_id, n, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12)
    select day, owner_id, account_id, sum(n)::int, sum(m1)::int, sum(m2)::int, sum(m3)::int, sum(m4)::int, sum(m5)::int, sum(m6)::int, sum(m7)::int, sum(m8)::int, sum(m9)::int, sum(m10)::int, sum(m11)::int, sum(m12)::int
    from (select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.old_owner end) as owner_id, o.account_id as account_id, -sum(1)::int as n, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, -sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3
      union all select date_trunc('year', (o.ordered_at at time zone 'UTC'))::date as day, (case when any_o.is_any then 0 else mv.new_owner end) as owner_id, o.account_id as account_id, sum(1)::int as n, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 1 then 1 else 0 end))::int as m1, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 2 then 1 else 0 end))::int as m2, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 3 then 1 else 0 end))::int as m3, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 4 then 1 else 0 end))::int as m4, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 5 then 1 else 0 end))::int as m5, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 6 then 1 else 0 end))::int as m6, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 7 then 1 else 0 end))::int as m7, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 8 then 1 else 0 end))::int as m8, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 9 then 1 else 0 end))::int as m9, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 10 then 1 else 0 end))::int as m10, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 11 then 1 else 0 end))::int as m11, sum((case when date_part('month', o.ordered_at at time zone 'UTC') = 12 then 1 else 0 end))::int as m12 from orders o cross join lateral (values (false), (true)) any_o(is_any) join mv on mv.id = o.account_id where o.ordered_at is not null and mv.old_owner is distinct from mv.new_owner group by 1, 2, 3) c
    group by 1, 2, 3 having sum(n) <> 0 or sum(m1) <> 0 or sum(m2) <> 0 or sum(m3) <> 0 or sum(m4) <> 0 or sum(m5) <> 0 or sum(m6) <> 0 or sum(m7) <> 0 or sum(m8) <> 0 or sum(m9) <> 0 or sum(m10) <> 0 or sum(m11) <> 0 or sum(m12) <> 0
    order by 1, 2, 3
    on conflict (day, owner_id, account_id) do update set n = x.n + excluded.n, m1 = x.m1 + excluded.m1, m2 = x.m2 + excluded.m2, m3 = x.m3 + excluded.m3, m4 = x.m4 + excluded.m4, m5 = x.m5 + excluded.m5, m6 = x.m6 + excluded.m6, m7 = x.m7 + excluded.m7, m8 = x.m8 + excluded.m8, m9 = x.m9 + excluded.m9, m10 = x.m10 + excluded.m10, m11 = x.m11 + excluded.m11, m12 = x.m12 + excluded.m12
    returning x.day, x.owner_id, x.account_id, x.n)
  select array_agg(day), array_agg(owner_id) into d_, o_ from up where n = 0;
  if d_ is not null then
    delete from account_touch_years x using unnest(d_, o_) z(day, owner_id)
      where x.day = z.day and x.owner_id is not distinct from z.owner_id and x.n = 0;
  end if;
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE account_touch_years DISABLE TRIGGER USER; ALTER TABLE account_touch_chain DISABLE TRIGGER USER;
  PERFORM crm_derived_rebuild();
  DELETE FROM lead_created_days;
  INSERT INTO lead_created_days (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls) select (l.created_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.created_at is not null group by 1, 2, 3;
  DELETE FROM lead_created_months;
  INSERT INTO lead_created_months (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls) select date_trunc('month', (l.created_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.converted_at is not null then 1 else 0 end))::int as converted, sum((case when l.first_contacted_at is not null then 1 else 0 end))::int as contacted, sum((case when l.first_contacted_at is not null then extract(epoch from (l.first_contacted_at - l.created_at)) / 3600 else 0 end))::numeric as contact_hours, sum((case when l.owner_id is not null then 1 else 0 end))::int as owned, sum((case when l.mql_at is not null then 1 else 0 end))::int as mql, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.created_at is not null group by 1, 2, 3;
  INSERT INTO lead_created_months (day, owner_id, source, n, converted, contacted, contact_hours, owned, mql, sqls) select day, 0, source, sum(n)::int, sum(converted)::int, sum(contacted)::int, sum(contact_hours)::numeric, sum(owned)::int, sum(mql)::int, sum(sqls)::int from lead_created_months group by day, source;
  DELETE FROM lead_mql_days;
  INSERT INTO lead_mql_days (day, owner_id, source, n, sqls) select (l.mql_at at time zone 'UTC')::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.mql_at is not null group by 1, 2, 3;
  DELETE FROM lead_mql_months;
  INSERT INTO lead_mql_months (day, owner_id, source, n, sqls) select date_trunc('month', (l.mql_at at time zone 'UTC'))::date as day, l.owner_id as owner_id, l.source as source, sum(1)::int as n, sum((case when l.sql_at is not null then 1 else 0 end))::int as sqls from leads l  where l.mql_at is not null group by 1, 2, 3;
  INSERT INTO lead_mql_months (day, owner_id, source, n, sqls) select day, 0, source, sum(n)::int, sum(sqls)::int from lead_mql_months group by day, source;
  DELETE FROM deal_closed_days;
  INSERT INTO deal_closed_days (day, owner_id, product, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5) select (d.closed_at at time zone 'UTC')::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d  where d.closed_at is not null group by 1, 2, 3;
  DELETE FROM deal_closed_months;
  INSERT INTO deal_closed_months (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5) select date_trunc('month', (d.closed_at at time zone 'UTC'))::date as day, d.owner_id as owner_id, d.product as product, segment_a.segment as segment, sum(1)::int as n, sum((case when d.stage in ('won', 'lost') then 1 else 0 end))::int as decided, sum((case when d.stage = 'won' then 1 else 0 end))::int as won, sum((case when d.stage = 'won' then d.amount else 0 end))::numeric as won_amount, sum((case when d.stage = 'won' then extract(epoch from (d.closed_at - d.created_at)) / 86400 else 0 end))::numeric as won_days, sum((case when d.stage = 'won' and d.contract_months is not null then 1 else 0 end))::int as acv_n, sum((case when d.stage = 'won' and d.contract_months is not null then d.amount * 12 / d.contract_months else 0 end))::numeric as acv_sum, sum((case when d.stage = 'won' and d.amount is not null and d.amount < 5000 then 1 else 0 end))::int as won_size0, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 5000 and d.amount < 10000 then 1 else 0 end))::int as won_size1, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 10000 and d.amount < 25000 then 1 else 0 end))::int as won_size2, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 25000 and d.amount < 50000 then 1 else 0 end))::int as won_size3, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 50000 and d.amount < 100000 then 1 else 0 end))::int as won_size4, sum((case when d.stage = 'won' and d.amount is not null and d.amount >= 100000 then 1 else 0 end))::int as won_size5 from deals d  left join accounts segment_a on segment_a.id = d.account_id where d.closed_at is not null group by 1, 2, 3, 4;
  INSERT INTO deal_closed_months (day, owner_id, product, segment, n, decided, won, won_amount, won_days, acv_n, acv_sum, won_size0, won_size1, won_size2, won_size3, won_size4, won_size5) select day, 0, product, segment, sum(n)::int, sum(decided)::int, sum(won)::int, sum(won_amount)::numeric, sum(won_days)::numeric, sum(acv_n)::int, sum(acv_sum)::numeric, sum(won_size0)::int, sum(won_size1)::int, sum(won_size2)::int, sum(won_size3)::int, sum(won_size4)::int, sum(won_size5)::int from deal_closed_months group by day, product, segment;
  DELETE FROM order_days;
  INSERT INTO order_days (day, owner_id, product, n, amount, costed, profit) select (o.ordered_at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, o.product as product, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o left join accounts own_a on own_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3;
  DELETE FROM order_months;
  INSERT INTO order_months (day, owner_id, product, segment, n, amount, costed, profit) select date_trunc('month', (o.ordered_at at time zone 'UTC'))::date as day, own_a.owner_id as owner_id, o.product as product, segment_a.segment as segment, sum(1)::int as n, sum(o.amount)::numeric as amount, sum((case when o.cost is not null then 1 else 0 end))::int as costed, sum((case when o.cost is not null then (o.amount - o.cost) else 0 end))::numeric as profit from orders o left join accounts own_a on own_a.id = o.account_id left join accounts segment_a on segment_a.id = o.account_id where o.ordered_at is not null group by 1, 2, 3, 4;
  INSERT INTO order_months (day, owner_id, product, segment, n, amount, costed, profit) select day, 0, product, segment, sum(n)::int, sum(amount)::numeric, sum(costed)::int, sum(profit)::numeric from order_months group by day, product, segment;
  DELETE FROM ticket_created_days;
  INSERT INTO ticket_created_days (day, owner_id, channel, n, responded, response_hours, complaints, complaints_resolved) select (t.created_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t  where t.created_at is not null group by 1, 2, 3;
  DELETE FROM ticket_created_months;
  INSERT INTO ticket_created_months (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved) select date_trunc('month', (t.created_at at time zone 'UTC'))::date as day, t.assignee_id as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum((case when t.first_response_at is not null then 1 else 0 end))::int as responded, sum((case when t.first_response_at is not null then extract(epoch from (t.first_response_at - t.created_at)) / 3600 else 0 end))::numeric as response_hours, sum((case when t.category = 'complaint' then 1 else 0 end))::int as complaints, sum((case when t.category = 'complaint' and t.resolved_at is not null then 1 else 0 end))::int as complaints_resolved from tickets t  left join accounts segment_a on segment_a.id = t.account_id where t.created_at is not null group by 1, 2, 3, 4;
  INSERT INTO ticket_created_months (day, owner_id, channel, segment, n, responded, response_hours, complaints, complaints_resolved) select day, 0, channel, segment, sum(n)::int, sum(responded)::int, sum(response_hours)::numeric, sum(complaints)::int, sum(complaints_resolved)::int from ticket_created_months group by day, channel, segment;
  DELETE FROM ticket_resolved_days;
  INSERT INTO ticket_resolved_days (day, owner_id, channel, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select (t.resolved_at at time zone 'UTC')::date as day, t.assignee_id as owner_id, t.channel as channel, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t  where t.resolved_at is not null group by 1, 2, 3;
  DELETE FROM ticket_resolved_months;
  INSERT INTO ticket_resolved_months (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select date_trunc('month', (t.resolved_at at time zone 'UTC'))::date as day, t.assignee_id as owner_id, t.channel as channel, segment_a.segment as segment, sum(1)::int as n, sum(extract(epoch from (t.resolved_at - t.created_at)) / 3600)::numeric as resolve_hours, sum((case when t.contacts is not null then 1 else 0 end))::int as fcr_base, sum((case when t.contacts = 1 then 1 else 0 end))::int as fcr_one, sum((case when t.handle_minutes is not null then 1 else 0 end))::int as aht_n, sum((case when t.handle_minutes is not null then t.handle_minutes else 0 end))::numeric as aht_sum from tickets t  left join accounts segment_a on segment_a.id = t.account_id where t.resolved_at is not null group by 1, 2, 3, 4;
  INSERT INTO ticket_resolved_months (day, owner_id, channel, segment, n, resolve_hours, fcr_base, fcr_one, aht_n, aht_sum) select day, 0, channel, segment, sum(n)::int, sum(resolve_hours)::numeric, sum(fcr_base)::int, sum(fcr_one)::int, sum(aht_n)::int, sum(aht_sum)::numeric from ticket_resolved_months group by day, channel, segment;
  DELETE FROM customer_days;
  INSERT INTO customer_days (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals) select ev.day::timestamp::date as day, a.owner_id as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from accounts a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM customer_months;
  INSERT INTO customer_months (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals) select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, ev.since_month as since_month, sum(1)::int as n, sum(ev.starts)::int as starts, sum(ev.ends)::int as ends, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then 1 else 0 end))::int as journey_n, sum((case when ev.starts = 1 and a.converting_lead_created_at is not null then extract(epoch from ((a.customer_since::timestamp at time zone 'UTC') - a.converting_lead_created_at)) / 86400 else 0 end))::numeric as journey_days, sum((case when ev.starts = 1 and a.converting_lead_source = 'referral' then 1 else 0 end))::int as referrals from accounts a cross join lateral (values (a.customer_since, 1, 0, null::date), (case when a.customer_since is not null then a.churned_at end, 0, 1, date_trunc('month', a.customer_since)::date)) ev(day, starts, ends, since_month)  where ev.day is not null group by 1, 2, 3;
  INSERT INTO customer_months (day, owner_id, since_month, n, starts, ends, journey_n, journey_days, referrals) select day, 0, since_month, sum(n)::int, sum(starts)::int, sum(ends)::int, sum(journey_n)::int, sum(journey_days)::numeric, sum(referrals)::int from customer_months group by day, since_month;
  DELETE FROM deal_open_days;
  INSERT INTO deal_open_days (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select ev.day::timestamp::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from deals d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3;
  DELETE FROM deal_open_months;
  INSERT INTO deal_open_months (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select date_trunc('month', ev.day::timestamp)::date as day, d.owner_id as owner_id, d.product as product, sum(1)::int as n, sum(ev.opened)::int as opened, sum(ev.closed)::int as closed, sum(ev.opened_amount)::numeric as opened_amount, sum(ev.closed_amount)::numeric as closed_amount, sum(ev.opened * ((case when d.owner_id is null then 0 else 1 end) + (case when d.product is null or trim(d.product) = '' then 0 else 1 end)))::int as filled from deals d cross join lateral (values ((d.created_at at time zone 'UTC')::date, 1, 0, coalesce(d.amount, 0), 0), ((d.closed_at at time zone 'UTC')::date, 0, 1, 0, coalesce(d.amount, 0))) ev(day, opened, closed, opened_amount, closed_amount)  where ev.day is not null group by 1, 2, 3;
  INSERT INTO deal_open_months (day, owner_id, product, n, opened, closed, opened_amount, closed_amount, filled) select day, 0, product, sum(n)::int, sum(opened)::int, sum(closed)::int, sum(opened_amount)::numeric, sum(closed_amount)::numeric, sum(filled)::int from deal_open_months group by day, product;
  DELETE FROM survey_days;
  INSERT INTO survey_days (day, owner_id, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select (s.responded_at at time zone 'UTC')::date as day, s.owner_id as owner_id, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s  where s.responded_at is not null group by 1, 2;
  DELETE FROM survey_months;
  INSERT INTO survey_months (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select date_trunc('month', (s.responded_at at time zone 'UTC'))::date as day, s.owner_id as owner_id, segment_a.segment as segment, segment_a.region as region, sum(1)::int as n, sum((case when s.kind = 'csat' then 1 else 0 end))::int as csat_n, sum((case when s.kind = 'csat' and s.score >= 4 then 1 else 0 end))::int as csat_pos, sum((case when s.kind = 'nps' then 1 else 0 end))::int as nps_n, sum((case when s.kind = 'nps' then (case when s.score >= 9 then 100 when s.score <= 6 then -100 else 0 end) else 0 end))::numeric as nps_sum, sum((case when s.kind = 'ces' then 1 else 0 end))::int as ces_n, sum((case when s.kind = 'ces' then s.score else 0 end))::numeric as ces_sum from survey_responses s  left join accounts segment_a on segment_a.id = s.account_id where s.responded_at is not null group by 1, 2, 3, 4;
  INSERT INTO survey_months (day, owner_id, segment, region, n, csat_n, csat_pos, nps_n, nps_sum, ces_n, ces_sum) select day, 0, segment, region, sum(n)::int, sum(csat_n)::int, sum(csat_pos)::int, sum(nps_n)::int, sum(nps_sum)::numeric, sum(ces_n)::int, sum(ces_sum)::numeric from survey_months group by day, segment, region;
  DELETE FROM order_chain_days;
  INSERT INTO order_chain_days (day, owner_id, chain, prev_month, prev2_month, n) select (ev.at at time zone 'UTC')::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5;
  DELETE FROM order_chain_months;
  INSERT INTO order_chain_months (day, owner_id, chain, prev_month, prev2_month, n) select date_trunc('month', (ev.at at time zone 'UTC'))::date as day, own_a.owner_id as owner_id, ev.chain as chain, ev.p1 as prev_month, ev.p2 as prev2_month, sum(1)::int as n from orders o cross join lateral (values ('all', o.ordered_at, o.prev_month, o.prev2_month), ('costed', case when o.cost is not null then o.ordered_at end, o.cprev_month, null::date)) ev(chain, at, p1, p2) left join accounts own_a on own_a.id = o.account_id where ev.at is not null group by 1, 2, 3, 4, 5;
  INSERT INTO order_chain_months (day, owner_id, chain, prev_month, prev2_month, n) select day, 0, chain, prev_month, prev2_month, sum(n)::int from order_chain_months group by day, chain, prev_month, prev2_month;
  DELETE FROM account_days;
  INSERT INTO account_days (day, owner_id, n, filled) select ev.day::timestamp::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from accounts a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2;
  DELETE FROM account_months;
  INSERT INTO account_months (day, owner_id, n, filled) select date_trunc('month', ev.day::timestamp)::date as day, a.owner_id as owner_id, sum(1)::int as n, sum(((case when a.segment is null or trim(a.segment) = '' then 0 else 1 end) + (case when a.industry is null or trim(a.industry) = '' then 0 else 1 end) + (case when a.region is null or trim(a.region) = '' then 0 else 1 end) + (case when a.owner_id is null then 0 else 1 end)))::int as filled from accounts a cross join lateral (values ('0001-01-01'::date)) ev(day)  where ev.day is not null group by 1, 2;
  INSERT INTO account_months (day, owner_id, n, filled) select day, 0, sum(n)::int, sum(filled)::int from account_months group by day;
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
