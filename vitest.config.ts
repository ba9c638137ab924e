import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores; PGlite instances are heavy, keep the pool small.
    maxWorkers: 2,
    server: { deps: { inline: ['server-only'] } },
    alias: { 'server-only': path.join(import.meta.dirname, 'tests/helpers/server-only-stub.ts') },
  },
});
