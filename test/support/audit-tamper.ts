import { sql } from 'kysely';
import type { Db } from '../../src/core/db.js';
import { hashAuditEvent } from '../../src/modules/access/hash-chain.js';
import type { AuditEvent } from '../../src/modules/access/schema.js';
import { selectEventsAfter } from '../../src/modules/access/store.js';
import type { Services } from '../../src/services.js';

/** Appends `n` plain events, as any module would. */
export async function appendEvents(services: Pick<Services, 'access'>, n: number, label = 'e'): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await services.access.record({ type: 'test.happened', actor: { kind: 'system', name: 'test' }, subject: `${label}${i}`, outcome: 'done', detail: { i } });
  }
}

export async function allEvents(db: Db): Promise<AuditEvent[]> {
  return selectEventsAfter(db, 0, 1_000_000);
}

async function writeEvent(db: Db, event: AuditEvent): Promise<void> {
  await sql`UPDATE audit_event SET at = ${event.at}, type = ${event.type}, subject = ${event.subject}, outcome = ${event.outcome},
    detail = ${JSON.stringify(event.detail)}, prev_hash = ${event.prevHash}, hash = ${event.hash} WHERE seq = ${event.seq}`.execute(db);
}

/**
 * What a careful insider with write access to the database does: changes row `seq`, then
 * recomputes its hash and every later row's link and hash, so the chain alone still verifies.
 */
export async function rewriteAndRehash(db: Db, seq: number, change: (event: AuditEvent) => AuditEvent): Promise<void> {
  let previousHash: string | undefined;
  for (const original of await allEvents(db)) {
    if (original.seq < seq) {
      previousHash = original.hash;
      continue;
    }
    const changed = original.seq === seq ? change(original) : original;
    const { hash: _old, ...unsealed } = { ...changed, prevHash: previousHash ?? changed.prevHash };
    const event = { ...unsealed, hash: hashAuditEvent(unsealed) };
    await writeEvent(db, event);
    previousHash = event.hash;
  }
}

/** Moves every row from `seq` on one place up and puts a made-up row at `seq`, linked as the original was. */
export async function insertRowAt(db: Db, seq: number): Promise<void> {
  const events = await allEvents(db);
  for (const event of [...events].reverse()) {
    if (event.seq >= seq) await sql`UPDATE audit_event SET seq = seq + 1 WHERE seq = ${event.seq}`.execute(db);
  }
  const before = events.find((e) => e.seq === seq - 1);
  const unsealed = { ...events.find((e) => e.seq === seq)!, seq, subject: 'planted', prevHash: before!.hash };
  const { hash: _old, ...content } = unsealed;
  const hash = hashAuditEvent(content);
  await sql`INSERT INTO audit_event (seq, at, type, actor_kind, actor_id, subject, purpose, fields, outcome, ip, detail, prev_hash, hash)
    VALUES (${seq}, ${content.at}, ${content.type}, ${content.actorKind}, ${content.actorId}, ${content.subject}, ${content.purpose},
      ${content.fields}, ${content.outcome}, ${content.ip}, ${JSON.stringify(content.detail)}, ${content.prevHash}, ${hash})`.execute(db);
}

/** Swaps the contents of two rows, hashes and links included, each keeping its seq. */
export async function swapRows(db: Db, a: number, b: number): Promise<void> {
  const events = await allEvents(db);
  const first = events.find((e) => e.seq === a)!;
  const second = events.find((e) => e.seq === b)!;
  await writeEvent(db, { ...second, seq: a });
  await writeEvent(db, { ...first, seq: b });
}
