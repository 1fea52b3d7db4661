import type { IsoDate } from '../../core/calendar-date.js';
import type { Db } from '../../core/db.js';
import type { NewSession, SessionAvailability } from './schema.js';

export async function insertSessions(db: Db, sessions: NewSession[]): Promise<void> {
  const chunkSize = 2000;
  for (let i = 0; i < sessions.length; i += chunkSize) {
    await db
      .insertInto('vaccination_session')
      .values(
        sessions.slice(i, i + chunkSize).map((s) => ({
          id: s.id, facility_id: s.facilityId, date: s.date, vaccine: s.vaccine, min_age_limit: s.minAgeLimit,
          max_age_limit: s.maxAgeLimit, allow_all_age: s.allowAllAge, capacity_dose1: s.capacityDose1,
          capacity_dose2: s.capacityDose2, slots: s.slots,
        })),
      )
      .onConflict((oc) => oc.columns(['facility_id', 'date', 'vaccine', 'min_age_limit']).doNothing())
      .execute();
  }
}

export async function selectSessionDates(db: Db, from: IsoDate, to: IsoDate): Promise<Set<string>> {
  const rows = await db
    .selectFrom('vaccination_session')
    .select('date')
    .distinct()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  return new Set(rows.map((r) => r.date));
}

export async function selectSessions(
  db: Db,
  facilityIds: number[],
  range: { from: IsoDate; to: IsoDate; vaccine?: string | undefined },
): Promise<SessionAvailability[]> {
  if (facilityIds.length === 0) return [];
  let query = db
    .selectFrom('vaccination_session')
    .select([
      'id', 'facility_id', 'date', 'vaccine', 'min_age_limit', 'max_age_limit', 'allow_all_age',
      'capacity_dose1', 'capacity_dose2', 'booked_dose1', 'booked_dose2', 'slots',
    ])
    .where('facility_id', 'in', facilityIds)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to);
  if (range.vaccine) query = query.where('vaccine', '=', range.vaccine);
  const rows = await query.orderBy('facility_id').orderBy('date').orderBy('vaccine').orderBy('min_age_limit').execute();
  return rows.map((r) => ({
    id: r.id,
    facilityId: r.facility_id,
    date: r.date as IsoDate,
    vaccine: r.vaccine,
    minAgeLimit: r.min_age_limit,
    maxAgeLimit: r.max_age_limit,
    allowAllAge: r.allow_all_age,
    availableDose1: r.capacity_dose1 - r.booked_dose1,
    availableDose2: r.capacity_dose2 - r.booked_dose2,
    slots: r.slots,
  }));
}
