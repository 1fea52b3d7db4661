/**
 * The one error type services throw. `code` is stable and greppable; `message` is what a person
 * can act on. Anything else that escapes a request becomes a bare 500 carrying only the request id.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly field?: string,
    /** Sent as Retry-After, for limits the caller can wait out. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'record') =>
  new AppError('NOT_FOUND', 404, `No such ${what}, or it is not yours to see.`);

export const invalidInput = (field: string, message: string) =>
  new AppError('INVALID_INPUT', 400, message, field);

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401, 'Unauthenticated access!');
