import { sql } from 'kysely';
import type { IsoDate } from '../../core/calendar-date.js';
import type { Db } from '../../core/db.js';

export interface NoticeClaim {
  accountId: string;
  actorKind: 'staff' | 'partner';
  actorId: string;
  day: IsoDate;
  sentAt: Date;
}

/**
 * Claims today's notice to this account about this actor; false when one was already claimed.
 * The primary key decides, so two reads at the same instant cannot both send. The account's rows
 * from before yesterday go at the same time: they can never match again.
 */
export async function claimNotice(db: Db, claim: NoticeClaim, forgetBefore: IsoDate): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('access_notice').where('account_id', '=', claim.accountId).where('day', '<', forgetBefore).execute();
    const inserted = await trx.insertInto('access_notice')
      .values({ account_id: claim.accountId, actor_kind: claim.actorKind, actor_id: claim.actorId, day: claim.day, sent_at: claim.sentAt })
      .onConflict((oc) => oc.doNothing())
      .returning('account_id')
      .executeTakeFirst();
    return inserted !== undefined;
  });
}

/** Gives a claim back when the SMS could not be sent, so the actor's next read tries again. */
export async function releaseNotice(db: Db, claim: NoticeClaim): Promise<void> {
  await db.deleteFrom('access_notice')
    .where('account_id', '=', claim.accountId).where('day', '=', claim.day)
    .where('actor_kind', '=', claim.actorKind).where('actor_id', '=', claim.actorId)
    .execute();
}

/**
 * Whether a dose was recorded for this person at this centre since `since`, from the audit log:
 * recording it completes the appointment, so a vaccinator's reads around it would otherwise look
 * like reads without one.
 */
export async function hasDoseRecordedSince(db: Db, beneficiaryId: string, facilityId: number, since: Date): Promise<boolean> {
  const row = await db.selectFrom('audit_event').select('seq')
    .where('subject', '=', beneficiaryId).where('type', '=', 'dose.recorded').where('at', '>=', since)
    .where(sql<string>`detail->>'facility_id'`, '=', String(facilityId))
    .limit(1).executeTakeFirst();
  return row !== undefined;
}
