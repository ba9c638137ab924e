// The demo company's people: three teams, users of every role and department, the documented sign-ins.
import { teamManagers, teams, users, type Department, type Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { DAY_MS } from '@/lib/clock';
import { DEMO_INACTIVE_EMAIL, DEMO_PASSWORD } from './config';
import type { DemoPeople, Tx } from './context';

export const DEMO_TEAMS = ['North', 'South', 'Enterprise'] as const;
type TeamName = (typeof DEMO_TEAMS)[number];

export interface PersonDef {
  name: string;
  email: string;
  role: Role;
  department: Department;
  team: TeamName | null;
  active: boolean;
  manages: TeamName[];
  /** Relative CRM usage (activities). */
  activity: number;
  /** Days between joining and the first day of history (negative: joined during it). */
  tenureBeforeStart: number;
  /** Days since this (still active) user last used the CRM: adoption is not 100% in every month. */
  stoppedDaysAgo: number;
}

const FIRST = ['Ava', 'Liam', 'Noah', 'Mia', 'Ethan', 'Zoe', 'Lucas', 'Isla', 'Omar', 'Nina', 'Hugo', 'Leah', 'Ivan',
  'Maya', 'Felix', 'Sara', 'Theo', 'Lena', 'Raj', 'Emma', 'Jonas', 'Chloe', 'Mateo', 'Yuki', 'Kofi', 'Ines'];
const LAST = ['Berg', 'Costa', 'Dubois', 'Ferreira', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kowalski', 'Larsen',
  'Moreau', 'Novak', 'Olsen', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Urban', 'Vargas', 'Weber', 'Young'];

function person(name: string, role: Role, department: Department, team: TeamName | null, extra: Partial<PersonDef> = {}): PersonDef {
  const email = `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(/ /g, '.')}@demo.test`;
  return { name, email, role, department, team, active: true, manages: [], activity: 1, tenureBeforeStart: 400, stoppedDaysAgo: 0, ...extra };
}

/** The people of the demo company; larger scales hire more sales reps and support agents. */
export function demoPeople(extraPerTeam: { sales: number; support: number }): PersonDef[] {
  const list: PersonDef[] = [
    person('Morgan Reyes', 'admin', 'executive', null, { email: 'admin@demo.test', activity: 0.6, tenureBeforeStart: 200 }),
    person('Jordan Blake', 'manager', 'sales', 'North', { email: 'manager@demo.test', manages: ['North'], activity: 1.3, tenureBeforeStart: 200 }),
    person('Casey Nguyen', 'member', 'sales', 'North', { email: 'member@demo.test', activity: 1.6, tenureBeforeStart: 200 }),
    person('Sam Porter', 'member', 'sales', 'South', { email: DEMO_INACTIVE_EMAIL, active: false, activity: 1.2, tenureBeforeStart: 300 }),
    person('Olivia Chen', 'admin', 'operations', null, { activity: 0.8, tenureBeforeStart: 900 }),
    // Reads reports others send him: never signed in to the CRM.
    person('Daniel Okafor', 'member', 'executive', null, { activity: 0, tenureBeforeStart: 700 }),
    person('Priya Raman', 'member', 'operations', null, { activity: 0.9 }),
    person('Marcus Hale', 'manager', 'marketing', 'North', { manages: ['North', 'South'], activity: 0.8, tenureBeforeStart: 600 }),
    person('Elena Petrova', 'manager', 'sales', 'South', { manages: ['South'], activity: 1.2, tenureBeforeStart: 800 }),
    person('Aisha Khan', 'manager', 'sales', 'Enterprise', { manages: ['Enterprise'], activity: 1.2, tenureBeforeStart: 500 }),
    person('Tom Becker', 'manager', 'support', 'South', { manages: ['North', 'South'], activity: 1.0, tenureBeforeStart: 650 }),
    person('Lucas Silva', 'manager', 'success', 'Enterprise', { manages: ['Enterprise'], activity: 1.0, tenureBeforeStart: 450 }),
    // Sales reps; two of them barely use the CRM and lately not at all (adoption is not 100%).
    person('Ben Carter', 'member', 'sales', 'North', { activity: 1.5 }),
    person('Grace Kim', 'member', 'sales', 'North', { activity: 0.1, tenureBeforeStart: 90, stoppedDaysAgo: 45 }),
    person('Diego Alvarez', 'member', 'sales', 'South', { activity: 1.4 }),
    person('Hannah Weiss', 'member', 'sales', 'South', { activity: 1.5, tenureBeforeStart: -120 }),
    person('Victor Lindqvist', 'member', 'sales', 'South', { activity: 0.1, stoppedDaysAgo: 130 }),
    person('Fatima Haddad', 'member', 'sales', 'Enterprise', { activity: 1.4 }),
    person('Oscar Brandt', 'member', 'sales', 'Enterprise', { activity: 1.5, tenureBeforeStart: -300 }),
    person('Julia Romano', 'member', 'sales', 'Enterprise', { activity: 1.3 }),
    // Support agents, success managers, marketers, operations.
    person('Kenji Watanabe', 'member', 'support', 'North', { activity: 1.3 }),
    person('Amara Obi', 'member', 'support', 'North', { activity: 1.3, tenureBeforeStart: -200 }),
    person('Lea Fischer', 'member', 'support', 'South', { activity: 1.3 }),
    person('Pedro Santos', 'member', 'support', 'South', { activity: 1.2 }),
    person('Nora Lindgren', 'member', 'support', 'Enterprise', { activity: 1.3 }),
    person('Samir Aziz', 'member', 'support', 'Enterprise', { activity: 1.2, tenureBeforeStart: -450 }),
    person('Chloe Martin', 'member', 'success', 'North', { activity: 1.0 }),
    person('Arjun Mehta', 'member', 'success', 'South', { activity: 1.0 }),
    person('Sofia Russo', 'member', 'success', 'Enterprise', { activity: 1.0 }),
    person('Emil Nowak', 'member', 'marketing', 'North', { activity: 0.8 }),
    person('Layla Haddad', 'member', 'marketing', 'South', { activity: 0.8, tenureBeforeStart: -100 }),
    person('Ruth Adeyemi', 'member', 'operations', 'Enterprise', { activity: 0.7 }),
  ];
  let n = 0;
  for (const team of DEMO_TEAMS) {
    for (const [department, count] of [['sales', extraPerTeam.sales], ['support', extraPerTeam.support]] as const) {
      for (let i = 0; i < count; i++, n++) {
        const name = `${FIRST[(n * 7) % FIRST.length]} ${LAST[(n * 5 + Math.floor(n / LAST.length)) % LAST.length]}`;
        // Hired at different times: some before history starts, some during it.
        list.push(person(name, 'member', department, team, {
          email: `${name.toLowerCase().replace(' ', '.')}.${n + 1}@demo.test`,
          activity: 1.2, tenureBeforeStart: 500 - ((n * 97) % 900),
        }));
      }
    }
  }
  return list;
}

/** A slot array of `size` owner ids: fixed shares for named users, the rest spread over the pool. */
export function buildSlots(fixed: { id: number; share: number }[], noneShare: number, pool: number[], size = 1000): number[] {
  const slots: number[] = [];
  for (let i = 0; i < Math.round(noneShare * size); i++) slots.push(0);
  for (const f of fixed) for (let i = 0; i < Math.round(f.share * size); i++) slots.push(f.id);
  for (let i = 0; slots.length < size; i++) slots.push(pool[i % pool.length]);
  return slots;
}

/** Inserts teams, users and team managers; returns the ids and owner pools the other steps use. */
export async function insertPeople(tx: Tx, defs: PersonDef[], start: Date, now: Date): Promise<DemoPeople> {
  // One slow hash for everyone: hashing each user would cost seconds for nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const teamRows = await tx.insert(teams).values(DEMO_TEAMS.map((name) => ({ name, createdAt: new Date(start.getTime() - 1000 * DAY_MS) })))
    .returning({ id: teams.id, name: teams.name });
  const teamId = new Map(teamRows.map((t) => [t.name, t.id]));
  const userRows = await tx.insert(users).values(defs.map((d) => {
    const createdAt = new Date(start.getTime() - d.tenureBeforeStart * DAY_MS);
    return {
      email: d.email, name: d.name, role: d.role, department: d.department,
      teamId: d.team ? teamId.get(d.team)! : null, active: d.active, passwordHash, createdAt,
      // A deactivated user left two months ago (activities stop there).
      updatedAt: d.active ? createdAt : new Date(now.getTime() - 60 * DAY_MS),
    };
  })).returning({ id: users.id, email: users.email });
  const idOf = new Map(userRows.map((u) => [u.email, u.id]));
  const managerRows = defs.flatMap((d) => d.manages.map((t) => ({ teamId: teamId.get(t)!, userId: idOf.get(d.email)! })));
  if (managerRows.length) await tx.insert(teamManagers).values(managerRows);

  const id = (email: string) => idOf.get(email)!;
  const adminId = id('admin@demo.test');
  const managerId = id('manager@demo.test');
  const memberId = id('member@demo.test');
  const demo = new Set([adminId, managerId, memberId]);
  const poolOf = (depts: Department[]) =>
    defs.filter((d) => d.active && depts.includes(d.department)).map((d) => id(d.email)).filter((i) => !demo.has(i));
  return {
    adminId, managerId, memberId, inactiveId: id(DEMO_INACTIVE_EMAIL),
    slots: {
      accounts: buildSlots([{ id: adminId, share: 0.08 }, { id: managerId, share: 0.1 }, { id: memberId, share: 0.12 }], 0.03, poolOf(['sales', 'success'])),
      sales: buildSlots([{ id: adminId, share: 0.07 }, { id: managerId, share: 0.09 }, { id: memberId, share: 0.11 }], 0.03, poolOf(['sales'])),
      support: buildSlots([{ id: adminId, share: 0.065 }, { id: managerId, share: 0.07 }, { id: memberId, share: 0.08 }], 0.03, poolOf(['support'])),
    },
  };
}
