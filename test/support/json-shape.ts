import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const samplesDir = new URL('../fixtures/cowin-samples/', import.meta.url);

/** A real Co-WIN capture, from test/fixtures/cowin-samples. */
export function cowinSample<T = unknown>(name: string): T {
  return JSON.parse(fs.readFileSync(fileURLToPath(new URL(name, samplesDir)), 'utf8')) as T;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Differences in keys, key order and JSON types between `actual` and a real capture. Arrays are
 * compared element by element against the capture's first element. `optional` names keys that
 * may be absent from either side (vaccine_fees on Free centres, max_age_limit).
 */
export function shapeDifferences(actual: unknown, sample: unknown, optional: string[] = [], at = '$'): string[] {
  const sampleKind = kindOf(sample);
  const actualKind = kindOf(actual);
  const compatible = sampleKind === actualKind || (sampleKind === 'number' && actualKind === 'integer');
  if (!compatible) return [`${at}: expected ${sampleKind}, got ${actualKind}`];
  if (Array.isArray(sample) && Array.isArray(actual)) {
    if (sample.length === 0) return [];
    return actual.flatMap((item, i) => shapeDifferences(item, sample[0], optional, `${at}[${i}]`));
  }
  if (sampleKind !== 'object') return [];
  const s = sample as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(s)) {
    if (!(key in a)) {
      if (!optional.includes(key)) problems.push(`${at}.${key}: missing`);
      continue;
    }
    problems.push(...shapeDifferences(a[key], s[key], optional, `${at}.${key}`));
  }
  for (const key of Object.keys(a)) {
    if (!(key in s) && !optional.includes(key)) problems.push(`${at}.${key}: not in the capture`);
  }
  const sharedOrder = (keys: string[], other: Record<string, unknown>) => keys.filter((k) => k in other);
  if (sharedOrder(Object.keys(a), s).join() !== sharedOrder(Object.keys(s), a).join()) {
    problems.push(`${at}: key order ${Object.keys(a).join(',')} differs from capture ${Object.keys(s).join(',')}`);
  }
  return problems;
}
