import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { GENESIS_HASH, hashAuditEvent } from './hash-chain.js';
import type { AccessRequest, Actor, AuditEvent, AuditEventInput, Subject, Ticket } from './schema.js';
import { actorId } from './schema.js';
import * as store from './store.js';

/** Tells which account a subject belongs to, without reading any personal data. */
export type OwnerLookup = (db: Db, subject: Subject) => Promise<string | undefined>;

/** Purposes recorded even when citizens read their own data: leaving the platform is worth a line. */
const alwaysRecorded = new Set(['export']);

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when not ok. */
  brokenAt?: number;
}

/**
 * The one door to personal data (DESIGN.md §4): decides whether a read is allowed, records it in
 * the hash-chained log, and hands out the Ticket that store functions returning personal data need.
 * Today's grant is the citizen's own session, which covers the members of their own account only;
 * staff encounter grants and partner consents arrive with their modules.
 */
export class AccessService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ownerOf: OwnerLookup,
  ) {}

  async authorize(actor: Actor, request: AccessRequest, db: Db = this.db): Promise<Ticket> {
    const owner = await this.ownerOf(db, request.subject);
    const allowed = owner !== undefined && actor.kind === 'citizen' && owner === actor.accountId;
    const recorded = !allowed || actor.kind !== 'citizen' || owner !== actor.accountId || alwaysRecorded.has(request.purpose);
    if (recorded) {
      await this.record({
        type: allowed ? 'access.granted' : 'access.denied',
        actor,
        subject: request.subject.id,
        purpose: request.purpose,
        fields: request.fields,
        outcome: allowed ? 'allowed' : 'denied',
        ip: actor.kind === 'citizen' ? actor.ip : undefined,
      }, db);
    }
    // "Not yours" and "not there" look the same, so no answer confirms that a record exists.
    if (!allowed) throw notFound('record');
    return { actor, subject: request.subject, accountId: owner, purpose: request.purpose, fields: request.fields } as unknown as Ticket;
  }

  /** Appends to the audit chain; inside the caller's transaction when `db` is one. */
  async record(event: AuditEventInput, db: Db = this.db): Promise<AuditEvent> {
    const row = {
      at: this.clock.now(),
      type: event.type,
      actorKind: event.actor.kind,
      actorId: actorId(event.actor),
      subject: event.subject ?? null,
      purpose: event.purpose ?? null,
      fields: [...(event.fields ?? [])],
      outcome: event.outcome,
      ip: event.ip ?? null,
      detail: event.detail ?? {},
    };
    if (db.isTransaction) return store.appendAuditEvent(db, row);
    return db.transaction().execute((trx) => store.appendAuditEvent(trx, row));
  }

  /** Events about these subjects, newest first: what a citizen sees under "who read my data". */
  eventsAbout(subjects: string[], limit = 200): Promise<AuditEvent[]> {
    return store.selectEventsAbout(this.db, subjects, limit);
  }

  /** Recomputes every hash in order; any edit, deletion or reordering shows as a broken link. */
  async verifyChain(): Promise<ChainVerification> {
    let previous: AuditEvent | undefined;
    let checked = 0;
    for (;;) {
      const batch = await store.selectEventsAfter(this.db, previous?.seq ?? 0, 1000);
      if (batch.length === 0) return { ok: true, checked };
      for (const event of batch) {
        const { hash, ...unsealed } = event;
        const linked = previous ? event.prevHash === previous.hash && event.seq === previous.seq + 1 : event.seq === 1 && event.prevHash === GENESIS_HASH;
        if (!linked || hashAuditEvent(unsealed) !== hash) return { ok: false, checked, brokenAt: event.seq };
        previous = event;
        checked += 1;
      }
    }
  }
}
