import { randomUUID } from 'node:crypto';
import { addDays, formatCowinDate, todayInIndia, type IsoDate } from '../../core/calendar-date.js';
import { isUniqueViolation, type Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import type { StaffActor } from '../staff/request-staff.js';
import { assertNoProblems, type FieldProblem } from './field-problems.js';
import { centreInScope, type PlanningDeps } from './places.js';
import type { SessionBody, SessionChanges, SessionView } from './schema.js';
import { checkSession, MAX_DAYS_AHEAD, type SessionDraft } from './session-rules.js';
import * as store from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sessionView(s: store.PlannedSession): SessionView {
  return {
    id: s.id, centre_id: s.facilityId, date: s.date, vaccine: s.vaccine, min_age_limit: s.minAgeLimit, max_age_limit: s.maxAgeLimit,
    allow_all_age: s.allowAllAge, capacity_dose1: s.capacityDose1, capacity_dose2: s.capacityDose2, booked_dose1: s.bookedDose1,
    booked_dose2: s.bookedDose2, walk_in_capacity: s.walkInCapacity, walk_ins: s.walkIns, slots: s.slots,
  };
}

function ages(s: { minAgeLimit: number; maxAgeLimit: number | null }): string {
  return s.maxAgeLimit === null ? `${s.minAgeLimit} and above` : `${s.minAgeLimit} to ${s.maxAgeLimit}`;
}

/** The 409 for the unique key (centre, date, vaccine, minimum age), naming the fields that collide. */
export function sessionExists(s: { date: string; vaccine: string; minAgeLimit: number; maxAgeLimit: number | null }): AppError {
  return new AppError('SESSION_EXISTS', 409,
    `date, vaccine, min_age_limit: this centre already has a ${s.vaccine} session for ages ${ages(s)} on ${formatCowinDate(s.date)}; edit that session instead.`, 'date');
}

const isForeignKeyViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';

function bookingsOf(s: store.PlannedSession): number {
  return s.bookedDose1 + s.bookedDose2 + s.walkIns;
}

/**
 * Sessions at a centre. Once people have booked, a session keeps its day, vaccine, ages and slots,
 * its capacities cannot drop below what is booked, and it cannot be deleted: what was promised to
 * citizens stays true.
 */
export class SessionPlanning {
  constructor(private readonly deps: PlanningDeps) {}

  private today(): IsoDate {
    return todayInIndia(this.deps.clock.now());
  }

  async list(staff: StaffActor, centreId: number, range: { from?: string | undefined; to?: string | undefined }): Promise<SessionView[]> {
    await centreInScope(this.deps, staff, centreId);
    const from = range.from ?? this.today();
    const to = range.to ?? addDays(this.today(), MAX_DAYS_AHEAD);
    return (await store.selectSessionsOfCentre(this.deps.db, centreId, { from, to })).map(sessionView);
  }

  /** Checks one session at one of the staff member's centres (404 for any other centre). */
  async prepare(staff: StaffActor, centreId: number, input: SessionBody, db: Db = this.deps.db): Promise<{ draft: SessionDraft; problems: FieldProblem[] }> {
    const { centre } = await centreInScope(this.deps, staff, centreId, db);
    return this.check(centre, input);
  }

  /** The shared rules for a session at a centre already found in scope; the CSV import uses it row by row. */
  check(centre: store.PlannedCentre, input: SessionBody): { draft: SessionDraft; problems: FieldProblem[] } {
    return checkSession(input, { catalogue: this.deps.catalogue, today: this.today(), centre });
  }

  async create(staff: StaffActor, centreId: number, input: SessionBody): Promise<SessionView> {
    const { draft, problems } = await this.prepare(staff, centreId, input);
    assertNoProblems(problems);
    const id = randomUUID();
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await store.insertSessions(trx, [{ id, facilityId: centreId, draft }]);
        await this.deps.access.record({
          type: 'session.created', actor: staff, outcome: 'done', ip: staff.ip,
          detail: { centre_id: centreId, session_id: id, date: draft.date, vaccine: draft.vaccine },
        }, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw sessionExists(draft);
      throw error;
    }
    return sessionView({ ...draft, id, facilityId: centreId, bookedDose1: 0, bookedDose2: 0, walkIns: 0 });
  }

  async update(staff: StaffActor, sessionId: string, changes: SessionChanges): Promise<SessionView> {
    let attempted: SessionDraft | undefined;
    try {
      return await this.deps.db.transaction().execute(async (trx) => {
        const current = await this.sessionInScope(trx, staff, sessionId, { lock: true });
        const merged: SessionBody = {
          date: current.date, vaccine: current.vaccine, capacity_dose1: current.capacityDose1, capacity_dose2: current.capacityDose2,
          min_age_limit: current.minAgeLimit, max_age_limit: current.maxAgeLimit, slots: current.slots, walk_in_capacity: current.walkInCapacity,
          ...changes,
        };
        const { draft, problems } = await this.prepare(staff, current.facilityId, merged, trx);
        assertNoProblems(problems);
        assertKeepsBookings(current, draft);
        attempted = draft;
        await store.updateSession(trx, current.id, draft);
        await this.deps.access.record({
          type: 'session.updated', actor: staff, outcome: 'done', ip: staff.ip,
          detail: { centre_id: current.facilityId, session_id: current.id, fields: Object.keys(changes).sort().join(',') },
        }, trx);
        return sessionView({ ...current, ...draft });
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempted) throw sessionExists(attempted);
      throw error;
    }
  }

  async remove(staff: StaffActor, sessionId: string): Promise<void> {
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        const current = await this.sessionInScope(trx, staff, sessionId, { lock: true });
        const booked = bookingsOf(current);
        if (booked > 0) {
          throw new AppError('SESSION_HAS_BOOKINGS', 409,
            `This session has ${booked} booking${booked === 1 ? '' : 's'}, so it cannot be deleted. To stop new bookings, set capacity_dose1 to ${current.bookedDose1}, capacity_dose2 to ${current.bookedDose2} and walk_in_capacity to ${current.walkIns}; the people booked keep their appointments.`);
        }
        await store.deleteSession(trx, current.id);
        await this.deps.access.record({
          type: 'session.deleted', actor: staff, outcome: 'done', ip: staff.ip,
          detail: { centre_id: current.facilityId, session_id: current.id, date: current.date, vaccine: current.vaccine },
        }, trx);
      });
    } catch (error) {
      // Cancelled or completed appointments and recorded doses still point at the session.
      if (isForeignKeyViolation(error)) {
        throw new AppError('SESSION_HAS_HISTORY', 409, 'This session has cancelled or completed appointments on record, so it stays. To stop new bookings, set its capacities to what is booked.');
      }
      throw error;
    }
  }

  private async sessionInScope(trx: Db, staff: StaffActor, sessionId: string, options: { lock: boolean }): Promise<store.PlannedSession> {
    const session = UUID.test(sessionId) ? await store.selectSession(trx, sessionId, options) : undefined;
    if (!session) throw notFound('session');
    await centreInScope(this.deps, staff, session.facilityId, trx);
    if (session.date < this.today()) throw new AppError('SESSION_PAST', 409, `This session was on ${formatCowinDate(session.date)}; past sessions stay as they were, as the record of that day.`);
    return session;
  }
}

/** What booked citizens were promised stays: the same day, vaccine, ages and slots, and their seats. */
function assertKeepsBookings(current: store.PlannedSession, next: SessionDraft): void {
  const booked = bookingsOf(current);
  if (booked > 0) {
    const moved = (['date', 'vaccine', 'minAgeLimit', 'maxAgeLimit'] as const).find((k) => current[k] !== next[k]);
    if (moved) {
      const field = { date: 'date', vaccine: 'vaccine', minAgeLimit: 'min_age_limit', maxAgeLimit: 'max_age_limit' }[moved];
      throw new AppError('SESSION_BOOKED', 409,
        `${field}: ${booked} ${booked === 1 ? 'person has' : 'people have'} booked this session, so its day, vaccine and ages stay. Create another session instead.`, field);
    }
    const dropped = current.slots.find((slot) => !next.slots.includes(slot));
    if (dropped) throw new AppError('SESSION_BOOKED', 409, `slots: people have booked this session, so slot ${dropped} stays; you may add slots.`, 'slots');
  }
  const floors = [
    ['capacity_dose1', next.capacityDose1, current.bookedDose1, 'doses already booked'],
    ['capacity_dose2', next.capacityDose2, current.bookedDose2, 'doses already booked'],
    ['walk_in_capacity', next.walkInCapacity, current.walkIns, 'walk-ins already registered'],
  ] as const;
  for (const [field, wanted, taken, what] of floors) {
    if (wanted < taken) throw new AppError('CAPACITY_BELOW_BOOKED', 409, `${field} cannot go below the ${taken} ${what}.`, field);
  }
}
