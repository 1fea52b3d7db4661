import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Runs only the browser tests: `npx vitest run --config test/browser/vitest.config.ts`.
 * The repository's own vitest.config.ts runs them too, with the rest of the suite.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/browser/global-setup.ts'],
    // A hang detector, not a speed limit: on a busy two-core machine a test that builds its own
    // app and signs staff in can take 30 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Pages change after a click on their own schedule; on a loaded two-core machine that can take
    // seconds. An expect.poll that does not name its own timeout waits this long.
    expect: { poll: { timeout: 10_000 } },
  },
});
