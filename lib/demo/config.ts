// Demo seed scales (targets.md) and the options of one seed run.

/** Smallest first: each is 10× the one before (SCALE_FACTOR). */
export const DEMO_SCALES = ['small', 'medium', 'large', 'xlarge'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

/** Row targets of targets.md per table; the generator hits these counts exactly. */
export interface ScaleTargets {
  accounts: number;
  leads: number;
  deals: number;
  orders: number;
  tickets: number;
  surveyResponses: number;
  activities: number;
}

const SMALL: ScaleTargets = {
  accounts: 1_000, leads: 10_000, deals: 5_000, orders: 10_000, tickets: 10_000, surveyResponses: 5_000, activities: 20_000,
};

export const SCALE_FACTOR: Record<DemoScale, number> = { small: 1, medium: 10, large: 100, xlarge: 1000 };

export function scaleTargets(scale: DemoScale): ScaleTargets {
  const f = SCALE_FACTOR[scale];
  return Object.fromEntries(Object.entries(SMALL).map(([k, v]) => [k, v * f])) as unknown as ScaleTargets;
}

export function isDemoScale(value: string): value is DemoScale {
  return (DEMO_SCALES as readonly string[]).includes(value);
}

export interface SeedOptions {
  scale?: DemoScale;
  /** Seed of the pseudo-random draws: same seed + same `now` = same data. */
  seed?: number;
  /** The end of the two years of history (default: the current time). */
  now?: Date;
  /** Progress messages (one per step) for CLIs. */
  log?: (message: string) => void;
}

/** The shared password of every demo user (the sign-in page of a demo install says so). */
export const DEMO_PASSWORD = 'demo-password';

/** The sign-ins the README, the demo script and the end-to-end tests rely on. */
export const DEMO_SIGN_INS = [
  { email: 'admin@demo.test', role: 'admin', department: 'executive' },
  { email: 'manager@demo.test', role: 'manager', department: 'sales' },
  { email: 'member@demo.test', role: 'member', department: 'sales' },
] as const;

/** A deactivated user (same password) for tests of refused sign-ins. */
export const DEMO_INACTIVE_EMAIL = 'inactive@demo.test';
