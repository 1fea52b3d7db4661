import { loadConfig, type Config } from '../config.js';

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
