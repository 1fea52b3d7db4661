import { sql } from 'kysely';
import type { Db } from '../../core/db.js';
import type { CentreDraft } from './centre-rules.js';
import type { SessionDraft } from './session-rules.js';

/**
 * Planning writes the tables the public reads (facility, facility_vaccine_fee, vaccination_session):
 * administrators are the only writers of centres and sessions besides the demo seed, and booking
 * only moves the booked counters, so this store owns the administrative side of those tables.
 */

export interface PlannedCentre extends CentreDraft {
  id: number;
}

export interface PlannedSession extends SessionDraft {
  id: string;
  facilityId: number;
  bookedDose1: number;
  bookedDose2: number;
  walkIns: number;
}

// Centres loaded without ownership (migration 0006) are read as what their fee type says they are.
const ownership = sql<'Govt' | 'Private'>`coalesce(ownership, CASE WHEN fee_type = 'Paid' THEN 'Private' ELSE 'Govt' END)`.as('ownership');

const centreColumns = ['id', 'name', 'address', 'district_id', 'block_name', 'pincode', 'lat', 'long', 'opens_at', 'closes_at', 'fee_type'] as const;

async function withVaccines(db: Db, rows: {
  id: number; name: string; address: string; district_id: number; block_name: string; pincode: number; lat: number; long: number;
  opens_at: string; closes_at: string; fee_type: 'Free' | 'Paid'; ownership: 'Govt' | 'Private';
}[]): Promise<PlannedCentre[]> {
  const ids = rows.map((r) => r.id);
  const fees = ids.length === 0 ? [] : await db.selectFrom('facility_vaccine_fee').select(['facility_id', 'vaccine', 'fee'])
    .where('facility_id', 'in', ids).orderBy('facility_id').orderBy('vaccine').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, address: r.address, districtId: r.district_id, blockName: r.block_name, pincode: r.pincode,
    lat: r.lat, long: r.long, opensAt: r.opens_at, closesAt: r.closes_at, ownership: r.ownership, feeType: r.fee_type,
    vaccines: fees.filter((f) => f.facility_id === r.id).map((f) => ({ vaccine: f.vaccine, fee: f.fee })),
  }));
}

export async function selectCentre(db: Db, id: number): Promise<PlannedCentre | undefined> {
  const rows = await db.selectFrom('facility').select([...centreColumns, ownership]).where('id', '=', id).execute();
  return (await withVaccines(db, rows))[0];
}

export async function selectCentresByIds(db: Db, ids: number[]): Promise<PlannedCentre[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('facility').select([...centreColumns, ownership]).where('id', 'in', ids).orderBy('id').execute();
  return withVaccines(db, rows);
}

export async function selectCentresInDistrict(db: Db, districtId: number): Promise<PlannedCentre[]> {
  const rows = await db.selectFrom('facility').select([...centreColumns, ownership]).where('district_id', '=', districtId).orderBy('id').execute();
  return withVaccines(db, rows);
}

/** Locks the centre's row until the transaction ends, so concurrent edits apply one after the other. */
export async function lockCentre(trx: Db, id: number): Promise<void> {
  await trx.selectFrom('facility').select('id').where('id', '=', id).forUpdate().execute();
}

export async function nextCentreIds(trx: Db, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const { rows } = await sql<{ id: string }>`SELECT nextval('facility_id_seq') AS id`.execute(trx);
    ids.push(Number(rows[0]!.id));
  }
  return ids;
}

function centreRow(centre: CentreDraft) {
  return {
    name: centre.name, address: centre.address, district_id: centre.districtId, block_name: centre.blockName, pincode: centre.pincode,
    lat: centre.lat, long: centre.long, opens_at: centre.opensAt, closes_at: centre.closesAt, fee_type: centre.feeType, ownership: centre.ownership,
  };
}

export async function insertCentres(trx: Db, centres: PlannedCentre[], at: Date): Promise<void> {
  if (centres.length === 0) return;
  await trx.insertInto('facility').values(centres.map((c) => ({ id: c.id, ...centreRow(c), created_at: at }))).execute();
  const fees = centres.flatMap((c) => c.vaccines.map((v) => ({ facility_id: c.id, vaccine: v.vaccine, fee: v.fee })));
  if (fees.length > 0) await trx.insertInto('facility_vaccine_fee').values(fees).execute();
}

export async function updateCentre(trx: Db, centre: PlannedCentre): Promise<void> {
  await trx.updateTable('facility').set(centreRow(centre)).where('id', '=', centre.id).execute();
  await trx.deleteFrom('facility_vaccine_fee').where('facility_id', '=', centre.id).execute();
  if (centre.vaccines.length > 0) {
    await trx.insertInto('facility_vaccine_fee').values(centre.vaccines.map((v) => ({ facility_id: centre.id, vaccine: v.vaccine, fee: v.fee }))).execute();
  }
}

/** Sets every fee of `vaccine` above `cap` to the cap; returns how many centres changed. */
export async function capFees(trx: Db, vaccine: string, cap: number): Promise<number> {
  const result = await trx.updateTable('facility_vaccine_fee').set({ fee: cap }).where('vaccine', '=', vaccine).where('fee', '>', cap).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const sessionColumns = [
  'id', 'facility_id', 'date', 'vaccine', 'min_age_limit', 'max_age_limit', 'allow_all_age', 'capacity_dose1', 'capacity_dose2',
  'booked_dose1', 'booked_dose2', 'walk_in_capacity', 'walk_ins', 'slots',
] as const;

function toSession(r: {
  id: string; facility_id: number; date: string; vaccine: string; min_age_limit: number; max_age_limit: number | null; allow_all_age: boolean;
  capacity_dose1: number; capacity_dose2: number; booked_dose1: number; booked_dose2: number; walk_in_capacity: number; walk_ins: number; slots: string[];
}): PlannedSession {
  return {
    id: r.id, facilityId: r.facility_id, date: r.date as PlannedSession['date'], vaccine: r.vaccine, minAgeLimit: r.min_age_limit,
    maxAgeLimit: r.max_age_limit, allowAllAge: r.allow_all_age, capacityDose1: r.capacity_dose1, capacityDose2: r.capacity_dose2,
    bookedDose1: r.booked_dose1, bookedDose2: r.booked_dose2, walkInCapacity: r.walk_in_capacity, walkIns: r.walk_ins, slots: r.slots,
  };
}

export async function selectSession(db: Db, id: string, options: { lock?: boolean } = {}): Promise<PlannedSession | undefined> {
  let query = db.selectFrom('vaccination_session').select(sessionColumns).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toSession(row);
}

export async function selectSessionsOfCentre(db: Db, facilityId: number, range: { from: string; to: string }): Promise<PlannedSession[]> {
  const rows = await db.selectFrom('vaccination_session').select(sessionColumns)
    .where('facility_id', '=', facilityId).where('date', '>=', range.from).where('date', '<=', range.to)
    .orderBy('date').orderBy('vaccine').orderBy('min_age_limit').execute();
  return rows.map(toSession);
}

/** Which of these (centre, date, vaccine, minimum age) keys already have a session. */
export async function selectTakenSessionKeys(db: Db, keys: { facilityId: number; date: string; vaccine: string; minAgeLimit: number }[]): Promise<Set<string>> {
  const taken = new Set<string>();
  if (keys.length === 0) return taken;
  const rows = await db.selectFrom('vaccination_session').select(['facility_id', 'date', 'vaccine', 'min_age_limit'])
    .where('facility_id', 'in', [...new Set(keys.map((k) => k.facilityId))])
    .where('date', 'in', [...new Set(keys.map((k) => k.date))])
    .execute();
  for (const r of rows) taken.add(sessionKey({ facilityId: r.facility_id, date: r.date, vaccine: r.vaccine, minAgeLimit: r.min_age_limit }));
  return taken;
}

export function sessionKey(k: { facilityId: number; date: string; vaccine: string; minAgeLimit: number }): string {
  return `${k.facilityId}|${k.date}|${k.vaccine}|${k.minAgeLimit}`;
}

function sessionRow(s: SessionDraft) {
  return {
    date: s.date, vaccine: s.vaccine, min_age_limit: s.minAgeLimit, max_age_limit: s.maxAgeLimit, allow_all_age: s.allowAllAge,
    capacity_dose1: s.capacityDose1, capacity_dose2: s.capacityDose2, walk_in_capacity: s.walkInCapacity, slots: s.slots,
  };
}

export async function insertSessions(trx: Db, sessions: { id: string; facilityId: number; draft: SessionDraft }[]): Promise<void> {
  if (sessions.length === 0) return;
  await trx.insertInto('vaccination_session').values(sessions.map((s) => ({ id: s.id, facility_id: s.facilityId, ...sessionRow(s.draft) }))).execute();
}

export async function updateSession(trx: Db, id: string, draft: SessionDraft): Promise<void> {
  await trx.updateTable('vaccination_session').set(sessionRow(draft)).where('id', '=', id).execute();
}

export async function deleteSession(trx: Db, id: string): Promise<void> {
  await trx.deleteFrom('vaccination_session').where('id', '=', id).execute();
}
