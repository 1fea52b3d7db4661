import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Seeds the shared demo database once, then builds the web app for the browser tests.
    globalSetup: ['test/support/global-setup.ts', 'test/browser/global-setup.ts'],
    // A hang detector, not a speed limit: on a busy two-core machine a test that builds its own
    // app and signs staff in can take 30 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest leaves a core free by default, which on a two-core machine runs the files one by one;
    // most of their time is spent waiting on Chromium, PostgreSQL or a child process.
    maxWorkers: 2,
    // Pages change after a click on their own schedule; on a loaded two-core machine that can take
    // seconds. An expect.poll that does not name its own timeout waits this long.
    expect: { poll: { timeout: 10_000 } },
  },
});
