import { loadConfig, type Config } from '../config.js';
import type { Runtime } from '../runtime.js';

/** Every command reads its settings the same way: from the environment, validated once. */
export function commandConfig(): Config {
  return loadConfig();
}

/** A one-line progress bar on stderr, so long commands show they are alive without cluttering stdout. */
export function progress(step: string, done: number, total: number): void {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r  ${step.padEnd(32)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

/**
 * Opens the database, keys and services for one command and closes them after. The server's code
 * is imported here, on first use, so `--help` and a refused option answer at once instead of
 * loading all of it first (seconds of CPU on a small machine).
 */
export async function withRuntime<T>(run: (runtime: Runtime) => Promise<T>, config: Config = commandConfig()): Promise<T> {
  const { openRuntime } = await import('../runtime.js');
  const runtime = await openRuntime(config);
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}
