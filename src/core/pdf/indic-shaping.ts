/**
 * @pdf-lib/fontkit 1.1.1 ships its Indic shaper's syllable matcher as a Babel-compiled generator that
 * calls a global `regeneratorRuntime` it never imports, so measuring or drawing any Devanagari text
 * throws "regeneratorRuntime is not defined" (Hopding/pdf-lib#785, #1419; unfixed upstream). That one
 * generator is the bundle's only use, and it needs only `mark`, `wrap` and `context.stop()`. We lend
 * this shim for a synchronous drawing pass alone and take it back after, so no other code sees a
 * partial regenerator runtime; a real one, if some other package installed it, is left alone.
 *
 * With it, fontkit runs the OpenType Indic shaper (conjuncts, reph, pre-base i-matra come out right).
 * pdf-lib then draws glyph ids with their advance widths only, dropping GPOS mark offsets; Noto's
 * default mark positions look right for common names and our labels, though a stacked mark may sit a
 * little off on rare clusters.
 */
export function withIndicShaping<T>(draw: () => T): T {
  const scope = globalThis as { regeneratorRuntime?: unknown };
  if (scope.regeneratorRuntime !== undefined) return draw();
  scope.regeneratorRuntime = regeneratorShim;
  try {
    return draw();
  } finally {
    delete scope.regeneratorRuntime;
  }
}

interface GeneratorContext {
  prev: number;
  next: number;
  done: boolean;
  stop(): undefined;
}

const regeneratorShim = {
  mark: <F>(generatorFunction: F): F => generatorFunction,
  wrap(step: (context: GeneratorContext) => unknown): IterableIterator<unknown> {
    const context: GeneratorContext = { prev: 0, next: 0, done: false, stop() { this.done = true; return undefined; } };
    return {
      [Symbol.iterator]() { return this; },
      next() {
        if (context.done) return { done: true, value: undefined };
        const value = step(context);
        return context.done ? { done: true, value: undefined } : { done: false, value };
      },
    };
  },
};
