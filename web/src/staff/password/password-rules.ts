import type { StaffMessages } from '../staff-en.js';

/**
 * The server's password rules (src/modules/staff/password.ts weakPasswordReason), checked here
 * first so a mistake is shown at once; the server checks again and has the last word.
 */
const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

export type NewPasswordProblem = 'nextMissing' | 'tooShort' | 'tooLong' | 'containsUsername' | 'sameAsCurrent';

export function newPasswordProblem(username: string, next: string, current: string): NewPasswordProblem | undefined {
  if (next === '') return 'nextMissing';
  const length = [...next.normalize('NFKC')].length;
  if (length < MIN_LENGTH) return 'tooShort';
  if (length > MAX_LENGTH) return 'tooLong';
  if (next.toLowerCase().includes(username.toLowerCase())) return 'containsUsername';
  if (next.normalize('NFKC') === current.normalize('NFKC')) return 'sameAsCurrent';
  return undefined;
}

/** The server explains a weak password in English sentences; each is matched to its translation. */
const serverReasons: Record<string, NewPasswordProblem> = {
  [`The new password must be at least ${MIN_LENGTH} characters long.`]: 'tooShort',
  [`The new password must be at most ${MAX_LENGTH} characters long.`]: 'tooLong',
  'The new password must not contain your username.': 'containsUsername',
  'The new password must differ from the current one.': 'sameAsCurrent',
};

export function problemOfServerReason(reason: string): NewPasswordProblem | undefined {
  return serverReasons[reason.trim()];
}

// Keeps the keys above in step with the texts: a renamed key fails the type check.
export type NewPasswordText = StaffMessages['password'][NewPasswordProblem];
