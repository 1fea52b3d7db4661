import { defineConfig } from 'vitest/config';

/**
 * The server's tests only (unit, API, database, CLI): no web build and no browser, for a quick
 * loop while working on src/. `npm test` runs everything, as CI does.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/api/**/*.test.ts', 'test/modules/**/*.test.ts', 'test/cli/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
