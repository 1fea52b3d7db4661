import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the web app into dist/web once per test run, before any server starts: the server lists
 * dist/web's files when it starts, and a stale build would test yesterday's page.
 */
export default async function buildWebApp(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
