import { defineConfig } from 'vitest/config';

/**
 * The server's tests only (unit, API, database, CLI): no web build and no browser, for a quick
 * loop while working on src/. `npm test` runs everything, as CI does.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/modules/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/owasp/**/*.test.ts', 'test/redteam/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest leaves a core free by default, which on a two-core machine runs the files one by one;
    // most of their time is spent waiting on Chromium, PostgreSQL or a child process.
    maxWorkers: 2,
  },
});
