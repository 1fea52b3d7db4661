import { AppError } from '../../core/errors.js';

/** One thing wrong with one field; each message starts with the field's name and says what is expected. */
export interface FieldProblem {
  field: string;
  error: string;
}

/**
 * The single-item API answers with the first problem (the error envelope carries one message, as
 * Co-WIN's did); a CSV import reports every problem of every row instead.
 */
export function assertNoProblems(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (first) throw new AppError('INVALID_INPUT', 400, first.error, first.field);
}
