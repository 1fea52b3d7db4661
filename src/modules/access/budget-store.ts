import { sql } from 'kysely';
import type { Db } from '../../core/db.js';

export interface BudgetActor {
  kind: 'staff' | 'partner';
  id: string;
}

/** Distinct people (other than `except`) the actor read since each window's start. */
export async function countRecentReads(db: Db, actor: BudgetActor, windows: { hourStart: Date; dayStart: Date }, except: string): Promise<{ hour: number; day: number }> {
  const oldest = windows.hourStart < windows.dayStart ? windows.hourStart : windows.dayStart;
  const row = await db.selectFrom('access_budget_read')
    .select([
      sql<number>`count(*) FILTER (WHERE last_read_at >= ${windows.hourStart})`.as('hour'),
      sql<number>`count(*) FILTER (WHERE last_read_at >= ${windows.dayStart})`.as('day'),
    ])
    .where('actor_kind', '=', actor.kind).where('actor_id', '=', actor.id)
    .where('last_read_at', '>=', oldest).where('subject', '<>', except)
    .executeTakeFirstOrThrow();
  return { hour: Number(row.hour), day: Number(row.day) };
}

/** Notes a read: a new person for the actor, or the same person read again now. */
export async function noteRead(db: Db, actor: BudgetActor, subject: string, at: Date): Promise<void> {
  await db.insertInto('access_budget_read')
    .values({ actor_kind: actor.kind, actor_id: actor.id, subject, last_read_at: at })
    .onConflict((oc) => oc.columns(['actor_kind', 'actor_id', 'subject']).doUpdateSet({ last_read_at: at }))
    .execute();
}

/** Forgets the actor's reads before `before`: they count in no window any more. */
export async function forgetReadsBefore(db: Db, actor: BudgetActor, before: Date): Promise<void> {
  await db.deleteFrom('access_budget_read')
    .where('actor_kind', '=', actor.kind).where('actor_id', '=', actor.id).where('last_read_at', '<', before)
    .execute();
}

/** Forgets all the actor's reads: a reinstated credential starts with its whole budget. */
export async function forgetAllReads(db: Db, actor: BudgetActor): Promise<void> {
  await db.deleteFrom('access_budget_read').where('actor_kind', '=', actor.kind).where('actor_id', '=', actor.id).execute();
}
