import type { Insertable, Selectable } from 'kysely';
import type { IsoDate } from '../../core/calendar-date.js';
import type { Db } from '../../core/db.js';
import type { AppointmentTable } from '../../core/db-tables.js';
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
          capacity_dose2: s.capacityDose2, walk_in_capacity: s.walkInCapacity ?? 0, slots: s.slots,
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

export async function selectSessionsByIds(db: Db, ids: string[]): Promise<SessionAvailability[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('vaccination_session')
    .select(['id', 'facility_id', 'date', 'vaccine', 'min_age_limit', 'max_age_limit', 'allow_all_age', 'capacity_dose1', 'capacity_dose2', 'booked_dose1', 'booked_dose2', 'slots'])
    .where('id', 'in', ids)
    .execute();
  return rows.map(toSessionAvailability);
}

type SessionRow = {
  id: string; facility_id: number; date: string; vaccine: string; min_age_limit: number; max_age_limit: number | null;
  allow_all_age: boolean; capacity_dose1: number; capacity_dose2: number; booked_dose1: number; booked_dose2: number; slots: string[];
};

function toSessionAvailability(r: SessionRow): SessionAvailability {
  return {
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
  };
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
  return rows.map(toSessionAvailability);
}

export interface BookableSession {
  id: string;
  facilityId: number;
  date: IsoDate;
  vaccine: string;
  minAgeLimit: number;
  maxAgeLimit: number | null;
  slots: string[];
}

export async function selectSession(db: Db, id: string): Promise<BookableSession | undefined> {
  const row = await db
    .selectFrom('vaccination_session')
    .select(['id', 'facility_id', 'date', 'vaccine', 'min_age_limit', 'max_age_limit', 'slots'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && {
    id: row.id, facilityId: row.facility_id, date: row.date as IsoDate, vaccine: row.vaccine,
    minAgeLimit: row.min_age_limit, maxAgeLimit: row.max_age_limit, slots: row.slots,
  };
}

/**
 * Takes `count` seats of one dose in one statement that checks and updates together, so no
 * interleaving of concurrent bookings can push a session past its capacity. False when full.
 */
export async function reserveSeats(trx: Db, sessionId: string, dose: number, count: number): Promise<boolean> {
  const query = dose === 1
    ? trx.updateTable('vaccination_session').set((eb) => ({ booked_dose1: eb('booked_dose1', '+', count) }))
      .where('id', '=', sessionId).where((eb) => eb(eb('booked_dose1', '+', count), '<=', eb.ref('capacity_dose1')))
    : trx.updateTable('vaccination_session').set((eb) => ({ booked_dose2: eb('booked_dose2', '+', count) }))
      .where('id', '=', sessionId).where((eb) => eb(eb('booked_dose2', '+', count), '<=', eb.ref('capacity_dose2')));
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseSeats(trx: Db, sessionId: string, dose: number, count: number): Promise<void> {
  const query = dose === 1
    ? trx.updateTable('vaccination_session').set((eb) => ({ booked_dose1: eb('booked_dose1', '-', count) }))
    : trx.updateTable('vaccination_session').set((eb) => ({ booked_dose2: eb('booked_dose2', '-', count) }));
  await query.where('id', '=', sessionId).execute();
}

export async function insertAppointments(trx: Db, rows: Insertable<AppointmentTable>[]): Promise<void> {
  await trx.insertInto('appointment').values(rows).execute();
}

const appointmentColumns = ['id', 'booking_id', 'account_id', 'beneficiary_id', 'session_id', 'dose', 'slot', 'status', 'created_at', 'walk_in'] as const;
export type AppointmentRow = Pick<Selectable<AppointmentTable>, (typeof appointmentColumns)[number]>;

export function selectLiveAppointmentsOfAccount(db: Db, accountId: string): Promise<AppointmentRow[]> {
  return db.selectFrom('appointment').select(appointmentColumns)
    .where('account_id', '=', accountId).where('status', '=', 'booked').orderBy('created_at').execute();
}

export function selectLiveBooking(db: Db, accountId: string, bookingId: string): Promise<AppointmentRow[]> {
  return db.selectFrom('appointment').select(appointmentColumns)
    .where('account_id', '=', accountId).where('booking_id', '=', bookingId).where('status', '=', 'booked')
    .orderBy('created_at').forUpdate().execute();
}

export function selectLiveAppointmentOf(db: Db, beneficiaryId: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointment').select(appointmentColumns)
    .where('beneficiary_id', '=', beneficiaryId).where('status', '=', 'booked').forUpdate().executeTakeFirst();
}

export async function setAppointmentStatus(trx: Db, ids: string[], status: 'cancelled' | 'booked', at: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('appointment').set({ status, updated_at: at }).where('id', 'in', ids).execute();
}

/** A moved appointment holds an online seat of its new session, even if it began as a walk-in. */
export async function moveAppointments(trx: Db, ids: string[], sessionId: string, slot: string, at: Date): Promise<void> {
  await trx.updateTable('appointment').set({ session_id: sessionId, slot, updated_at: at, walk_in: false }).where('id', 'in', ids).execute();
}

/** The encrypted security code, for the owner's slip: the caller holds a ticket for `accountId`. */
export function selectSecurityCodes(db: Db, accountId: string, bookingId: string) {
  return db.selectFrom('appointment').select(['id', 'beneficiary_id', 'security_code_enc'])
    .where('account_id', '=', accountId).where('booking_id', '=', bookingId).execute();
}

/** Whether a member has a live appointment at a centre on a day (the vaccinator's roster). */
export async function hasLiveAppointmentAt(db: Db, facilityId: number, beneficiaryId: string, date: IsoDate): Promise<boolean> {
  const row = await db
    .selectFrom('appointment')
    .innerJoin('vaccination_session', 'vaccination_session.id', 'appointment.session_id')
    .select('appointment.id')
    .where('appointment.beneficiary_id', '=', beneficiaryId)
    .where('appointment.status', '=', 'booked')
    .where('vaccination_session.facility_id', '=', facilityId)
    .where('vaccination_session.date', '=', date)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface RosterRow {
  id: string;
  beneficiary_id: string;
  account_id: string;
  session_id: string;
  dose: number;
  slot: string;
  status: 'booked' | 'cancelled' | 'completed';
  vaccine: string;
  facility_id: number;
  date: string;
  walk_in: boolean;
}

/** A centre's appointments on a day, booked or completed, for the vaccinator's roster. */
export function selectRoster(db: Db, facilityId: number, date: IsoDate): Promise<RosterRow[]> {
  return db
    .selectFrom('appointment')
    .innerJoin('vaccination_session', 'vaccination_session.id', 'appointment.session_id')
    .select([
      'appointment.id', 'appointment.beneficiary_id', 'appointment.account_id', 'appointment.session_id', 'appointment.dose',
      'appointment.slot', 'appointment.status', 'vaccination_session.vaccine', 'vaccination_session.facility_id', 'vaccination_session.date',
      'appointment.walk_in',
    ])
    .where('vaccination_session.facility_id', '=', facilityId)
    .where('vaccination_session.date', '=', date)
    .where('appointment.status', 'in', ['booked', 'completed'])
    .orderBy('appointment.slot')
    .orderBy('appointment.created_at')
    .execute();
}

export function selectAppointmentForCentre(db: Db, appointmentId: string) {
  return db
    .selectFrom('appointment')
    .innerJoin('vaccination_session', 'vaccination_session.id', 'appointment.session_id')
    .select([
      'appointment.id', 'appointment.beneficiary_id', 'appointment.account_id', 'appointment.session_id', 'appointment.dose',
      'appointment.slot', 'appointment.status', 'appointment.security_code_mac', 'vaccination_session.vaccine',
      'vaccination_session.facility_id', 'vaccination_session.date',
    ])
    .where('appointment.id', '=', appointmentId)
    .executeTakeFirst();
}

export async function completeAppointment(trx: Db, appointmentId: string, at: Date): Promise<boolean> {
  const result = await trx.updateTable('appointment').set({ status: 'completed', updated_at: at })
    .where('id', '=', appointmentId).where('status', '=', 'booked').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface WalkInSessionRow {
  id: string;
  facility_id: number;
  date: string;
  vaccine: string;
  min_age_limit: number;
  max_age_limit: number | null;
  slots: string[];
  walk_in_capacity: number;
  walk_ins: number;
}

const walkInSessionColumns = ['id', 'facility_id', 'date', 'vaccine', 'min_age_limit', 'max_age_limit', 'slots', 'walk_in_capacity', 'walk_ins'] as const;

export function selectWalkInSession(db: Db, sessionId: string): Promise<WalkInSessionRow | undefined> {
  return db.selectFrom('vaccination_session').select(walkInSessionColumns).where('id', '=', sessionId).executeTakeFirst();
}

export function selectWalkInSessionsAt(db: Db, facilityId: number, date: IsoDate): Promise<WalkInSessionRow[]> {
  return db.selectFrom('vaccination_session').select(walkInSessionColumns)
    .where('facility_id', '=', facilityId).where('date', '=', date).orderBy('vaccine').orderBy('min_age_limit').execute();
}

/** Takes one place of a session's walk-in share, checked and counted in one statement; false when it is used up. */
export async function reserveWalkIn(trx: Db, sessionId: string): Promise<boolean> {
  const result = await trx.updateTable('vaccination_session').set((eb) => ({ walk_ins: eb('walk_ins', '+', 1) }))
    .where('id', '=', sessionId).where((eb) => eb(eb('walk_ins', '+', 1), '<=', eb.ref('walk_in_capacity'))).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseWalkIns(trx: Db, sessionId: string, count: number): Promise<void> {
  await trx.updateTable('vaccination_session').set((eb) => ({ walk_ins: eb('walk_ins', '-', count) })).where('id', '=', sessionId).execute();
}
