import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import type { DatabaseHandle } from '../../src/core/db.js';
import { seededDatabase } from '../support/database.js';
import { testServices } from '../support/test-services.js';

let database: DatabaseHandle | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function chainOf(events: number) {
  database = await seededDatabase();
  const services = testServices(database.db, fixedClock('2026-11-28T10:00:00Z'));
  for (let i = 0; i < events; i += 1) {
    await services.access.record({ type: 'test.happened', actor: { kind: 'system', name: 'test' }, subject: `s${i}`, outcome: 'done', detail: { i, b: true } });
  }
  return services.access;
}

describe('the hash-chained audit log', () => {
  it('verifies when untouched', async () => {
    const access = await chainOf(5);
    expect(await access.verifyChain()).toEqual({ ok: true, checked: 5 });
  });

  it.each([
    ['an edited row', sql`UPDATE audit_event SET outcome = 'denied' WHERE seq = 3`, 3],
    ['a deleted row', sql`DELETE FROM audit_event WHERE seq = 2`, 3],
    ['a rewritten detail', sql`UPDATE audit_event SET detail = '{"i": 9, "b": true}' WHERE seq = 4`, 4],
    ['a re-hashed row whose successor still points at the old hash', sql`UPDATE audit_event SET subject = 'x', hash = repeat('a', 64) WHERE seq = 1`, 1],
  ])('detects %s', async (_what, tamper, brokenAt) => {
    const access = await chainOf(5);
    await tamper.execute(database!.db);
    const result = await access.verifyChain();
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(brokenAt);
  });

  it('keeps one chain under concurrent appends', async () => {
    database = await seededDatabase();
    const services = testServices(database.db, fixedClock('2026-11-28T10:00:00Z'));
    await Promise.all(Array.from({ length: 40 }, (_, i) =>
      services.access.record({ type: 'test.happened', actor: { kind: 'system', name: 'test' }, subject: `c${i}`, outcome: 'done' })));
    expect(await services.access.verifyChain()).toEqual({ ok: true, checked: 40 });
  });
});
