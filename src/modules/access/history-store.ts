import { sql } from 'kysely';
import type { Db } from '../../core/db.js';

/** An audit event as the citizen's history needs it: no IP, no hashes. */
export interface HistoryRow {
  seq: number;
  at: Date;
  type: string;
  actorKind: string;
  actorId: string;
  subject: string;
  purpose: string | null;
  fields: string[];
  outcome: string;
  detail: Record<string, unknown>;
}

const historyColumns = ['seq', 'at', 'type', 'actor_kind', 'actor_id', 'subject', 'purpose', 'fields', 'outcome', 'detail'] as const;

function parseDetail(detail: unknown): Record<string, unknown> {
  return (typeof detail === 'string' ? JSON.parse(detail) : detail) as Record<string, unknown>;
}

/**
 * Events about these subjects, newest first, older than `before` when given, at most `limit`;
 * `exceptCitizen`'s own acts left out in SQL so that every page is full of other people's.
 */
export async function selectHistoryPage(db: Db, page: {
  subjects: string[]; exceptCitizen: string | undefined; before: number | undefined; limit: number;
}): Promise<HistoryRow[]> {
  if (page.subjects.length === 0) return [];
  const rows = await db.selectFrom('audit_event').select(historyColumns)
    .where('subject', 'in', page.subjects)
    .$if(page.exceptCitizen !== undefined, (q) => q.where((eb) => eb.not(eb.and([eb('actor_kind', '=', 'citizen'), eb('actor_id', '=', page.exceptCitizen!)]))))
    .$if(page.before !== undefined, (q) => q.where('seq', '<', page.before!))
    .orderBy('seq', 'desc').limit(page.limit).execute();
  return rows.map((row) => ({
    seq: Number(row.seq), at: new Date(row.at), type: row.type, actorKind: row.actor_kind, actorId: row.actor_id,
    subject: row.subject!, purpose: row.purpose, fields: row.fields, outcome: row.outcome, detail: parseDetail(row.detail),
  }));
}

/**
 * The staff member's role and place as the access module recorded them on the grant or denial
 * nearest to `seq`: the latest at or before it, else the first after. For events appended before
 * every staff event carried its own role (an encounter opened, a dose recorded, outside `authorize`).
 */
export async function selectStaffContextNear(db: Db, staffId: string, seq: number): Promise<Record<string, unknown> | undefined> {
  const authorised = db.selectFrom('audit_event').select('detail')
    .where('actor_kind', '=', 'staff').where('actor_id', '=', staffId)
    .where('type', 'in', ['access.granted', 'access.denied'])
    .where(sql<boolean>`detail->>'role' IS NOT NULL`);
  const earlier = await authorised.where('seq', '<=', seq).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const found = earlier ?? (await authorised.where('seq', '>', seq).orderBy('seq', 'asc').limit(1).executeTakeFirst());
  return found && parseDetail(found.detail);
}
