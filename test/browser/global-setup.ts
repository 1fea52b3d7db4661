import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the web app into dist/web once per test run, before any server starts: the server lists
 * dist/web's files when it starts, and a stale build would test yesterday's page.
 */
export default async function buildWebApp(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make this a development build of React (twice the
  // size, and StrictMode's doubled effects send every request twice). Test what ships instead.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
