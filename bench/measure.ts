/** Small measuring tools the benchmarks share. */

/** `n` to `digits` decimals, as a number for the JSON report. */
export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** How long `run` took, in milliseconds of wall time, with what it returned. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** The middle value (the upper one of an even count). */
export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
