import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import type { Services } from '../../src/services.js';
import { appendEvents, insertRowAt, swapRows } from '../support/audit-tamper.js';
import { databaseWithEmptyAuditLog } from '../support/audit-database.js';
import { testServices } from '../support/test-services.js';

// One database for the file; each test starts from an empty log and no checkpoints.
const database = databaseWithEmptyAuditLog();

async function chainOf(events: number): Promise<Services> {
  const services = testServices(database.db, fixedClock('2026-11-28T10:00:00Z'));
  await appendEvents(services, events, 's');
  return services;
}

describe('the hash-chained audit log, before any checkpoint', () => {
  it('verifies when untouched', async () => {
    const { access } = await chainOf(5);
    expect(await access.verifyChain()).toMatchObject({ ok: true, checked: 5, checkpoints: 0, problems: [] });
  });

  it.each([
    ['an edited row', sql`UPDATE audit_event SET outcome = 'denied' WHERE seq = 3`, 3, /Row 3 was edited/],
    ['a deleted row', sql`DELETE FROM audit_event WHERE seq = 2`, 3, /Row 3 follows row 1: 1 row\(s\) before it were deleted/],
    ['a rewritten detail', sql`UPDATE audit_event SET detail = '{"i": 9}' WHERE seq = 4`, 4, /Row 4 was edited/],
    ['a replaced first row', sql`UPDATE audit_event SET subject = 'x', hash = repeat('a', 64) WHERE seq = 1`, 1, /Row 1 was edited/],
    ['deleted first rows', sql`DELETE FROM audit_event WHERE seq <= 2`, 3, /oldest row kept, but no expired checkpoint/],
  ])('names the first bad row after %s', async (_what, tamper, brokenAt, problem) => {
    const { access } = await chainOf(5);
    await tamper.execute(database.db);
    const result = await access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt });
    expect(result.problem).toMatch(problem);
  });

  it('names an inserted row, with the rows after it renumbered', async () => {
    const { access } = await chainOf(5);
    await insertRowAt(database.db, 3);
    const result = await access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 3 });
    expect(result.problem).toMatch(/Row 3 was inserted: row 4 links past it to row 2/);
  });

  it('names the first of two rows swapped', async () => {
    const { access } = await chainOf(5);
    await swapRows(database.db, 2, 4);
    const result = await access.verifyChain();
    expect(result).toMatchObject({ ok: false, brokenAt: 2 });
    expect(result.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 4]));
  });

  it('keeps one chain under concurrent appends', async () => {
    const services = testServices(database.db, fixedClock('2026-11-28T10:00:00Z'));
    await Promise.all(Array.from({ length: 40 }, (_, i) =>
      services.access.record({ type: 'test.happened', actor: { kind: 'system', name: 'test' }, subject: `c${i}`, outcome: 'done' })));
    expect(await services.access.verifyChain()).toMatchObject({ ok: true, checked: 40 });
  });
});
