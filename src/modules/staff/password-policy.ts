/**
 * The password length rules, apart from password.ts so that schema.ts (which the web app reads
 * with `import type`) does not pull node:crypto into the browser's type check.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; short enough that hashing cannot be used to tie up the server. */
export const MAX_PASSWORD_LENGTH = 256;
