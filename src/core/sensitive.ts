import { inspect } from 'node:util';

/**
 * Personal data in transit through the code. It prints as `[redacted]` in logs, JSON and
 * inspection, so a stray `log.info({ person })` cannot leak it; `reveal()` is the one way out,
 * and it is easy to grep for.
 */
export class Sensitive<T> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  reveal(): T {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return '[redacted]';
  }
}
