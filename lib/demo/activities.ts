// CRM usage history: each user's logins and edits from the day they joined (or history began) until
// now (or until they were deactivated), heavier for reps and agents; a couple of laggards stopped a
// while ago and one executive never used it, so adoption is below 100%.
import { businessHoursSql } from './calendar';
import { exec, externalIdSql, type SeedContext } from './context';
import type { PersonDef } from './people';
import { pick } from './sql-rand';
import { apportionSql } from './revenue';

export async function insertActivities(ctx: SeedContext, defs: PersonDef[]): Promise<void> {
  const { rand: r, targets, now } = ctx;
  const weights = defs.map((d) => `(${sqlString(d.email)}, ${Math.round(d.activity * 100)}, ${d.stoppedDaysAgo})`).join(', ');
  const k = '(u.id::bigint * 10000000 + j)';
  await exec(ctx, `
    insert into activities (id, external_id, user_id, occurred_at, kind)
    select row_number() over (order by occurred_at, k), ${externalIdSql('ACT', 'row_number() over (order by occurred_at, k)', 8)},
      user_id, occurred_at, kind
    from (
      select ${k} as k, u.id as user_id,
        least(u.hi, greatest(u.lo, ${businessHoursSql(`(u.lo + ${r.u(k, 701)} * (u.hi - u.lo))`, r.u(k, 702), r.u(k, 703))})) as occurred_at,
        ${pick(r.u(k, 704), ['login', 'update', 'create', 'other'], [40, 33, 22, 5])} as kind
      from ${apportionSql(`(
        select users.id, lo, hi, users.weight * greatest(1, round(extract(epoch from hi - lo) / 86400))::bigint as weight
        from (
          select users.id, greatest(created_at, ${ctx.start}) as lo, w.weight,
            case when active then ${now} - w.stopped * interval '1 day' else updated_at end as hi
          from users join (values ${weights}) as w(email, weight, stopped) on w.email = users.email
        ) users
        where hi > lo and weight > 0)`, targets.activities)} u
      cross join lateral generate_series(1, u.n) as j
    ) a`);
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
