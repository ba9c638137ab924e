// The demo data generator (lib/demo): seedDemo writes a realistic company; see seed.ts.
export { seedDemo, type SeedResult } from './seed';
export {
  DEMO_INACTIVE_EMAIL, DEMO_PASSWORD, DEMO_SCALES, DEMO_SIGN_INS, isDemoScale, scaleTargets,
  type DemoScale, type ScaleTargets, type SeedOptions,
} from './config';
export { countRows, type TableCounts } from './counts';
export { dropAllTables, truncateAll } from './reset';
export { DEMO_TEAMS } from './people';
