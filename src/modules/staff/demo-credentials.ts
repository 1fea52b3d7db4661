import fs from 'node:fs/promises';
import path from 'node:path';

export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

/**
 * Sets one key of `TEEKA_DATA_DIR/demo-credentials.json` (development only), keeping the others:
 * demo staff go under `staff`, other demo accounts under keys of their own. The file holds live
 * passwords and TOTP secrets, so it is readable by its owner only (0600), and it is replaced by a
 * rename so a reader never sees half a file.
 */
export async function mergeDemoCredentials(dataDir: string, key: string, value: unknown): Promise<string> {
  const file = path.join(dataDir, DEMO_CREDENTIALS_FILE);
  let existing: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
  } catch (error) {
    // A file we cannot parse is left alone rather than overwritten: it may hold credentials we cannot recreate.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file} is not readable JSON; move it aside and seed again`, { cause: error });
  }
  await fs.mkdir(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify({ ...existing, [key]: value }, null, 2)}\n`, { mode: 0o600 });
  await fs.chmod(temporary, 0o600);
  await fs.rename(temporary, file);
  return file;
}
