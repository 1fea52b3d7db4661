/**
 * What a field validator returns when the input is wrong. `code` is stable and greppable, so the web
 * app can choose its own wording; `message` and `message_hi` are ready to show as they are, in English
 * and Hindi, and tell the citizen what to fix. None of them ever echoes the input back, so a rejected
 * ID number or mobile cannot leak into a log line through an error.
 */
export interface FieldError<F extends string = string> {
  ok: false;
  field: F;
  code: string;
  message: string;
  message_hi: string;
}

export type FieldResult<T, F extends string = string> = { ok: true; value: T } | FieldError<F>;

export function fieldError<F extends string>(field: F, code: string, message: string, message_hi: string): FieldError<F> {
  return { ok: false, field, code, message, message_hi };
}
