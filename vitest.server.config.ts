import { defineConfig } from 'vitest/config';

/**
 * The server's tests only (unit, API, database, CLI): no web build and no browser, for a quick
 * loop while working on src/. `npm test` runs everything, as CI does.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/modules/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/owasp/**/*.test.ts', 'test/redteam/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // A hang detector, not a speed limit: on a busy two-core machine a test that builds its own
    // app and signs staff in can take 30 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest leaves a core free by default, which on a two-core machine runs the files one by one;
    // most of their time is spent waiting on Chromium, PostgreSQL or a child process.
    maxWorkers: 2,
  },
});
