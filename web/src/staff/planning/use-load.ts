import { useCallback, useEffect, useState } from 'react';
import { staffFailureOf, staffRejectionCode } from '../staff-api.js';

export type Loaded<T> =
  | { kind: 'loading' }
  | { kind: 'loaded'; value: T; key: string }
  /** 404: not there, or outside the signed-in person's area (the server does not say which). */
  | { kind: 'not-found' }
  | { kind: 'failed' };

/** Thrown by a loader for something the address names but that cannot exist (a malformed id, a session not in the list). */
export class NotThere extends Error {
  constructor() {
    super('not there');
    this.name = 'NotThere';
  }
}

/**
 * Loads what a page shows, again on `reload()` or when `key` changes; an answer that arrives after
 * the page moved on never lands. A reload of the same key keeps the old value on screen until the new one arrives.
 * An ended session needs nothing here: the console returns to sign-in.
 */
export function useLoad<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === undefined) return undefined;
    const abort = new AbortController();
    setState((current) => (current.kind === 'loaded' && current.key === key ? current : { kind: 'loading' }));
    load(abort.signal).then(
      (value) => setState({ kind: 'loaded', value, key }),
      (error: unknown) => {
        if (abort.signal.aborted || staffFailureOf(error).kind === 'session-ended') return;
        setState(error instanceof NotThere || staffRejectionCode(error) === 'NOT_FOUND' ? { kind: 'not-found' } : { kind: 'failed' });
      },
    );
    return () => abort.abort();
    // `load` is rebuilt on every render; `key` says when what it loads has changed.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
