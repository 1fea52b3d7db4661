import { createHash } from 'node:crypto';
import type { AuditEvent } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/**
 * SHA-256 over the previous row's hash and this row's content in a canonical form (sorted keys,
 * ISO times), so the hash survives the database's own re-ordering of JSON keys but not any edit.
 */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): string {
  const { prevHash, ...content } = event;
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(canonical(content))).digest('hex');
}
