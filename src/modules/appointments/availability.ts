import { addDays, type IsoDate } from '../../core/calendar-date.js';
import type { Db } from '../../core/db.js';
import type { Facility } from '../facilities/schema.js';
import type { FacilityService } from '../facilities/service.js';
import type { VaccineLookup } from '../vaccination/vaccines.js';
import type { AvailabilityQuery, CentreAvailability, NewSession, SessionAvailability } from './schema.js';
import * as store from './store.js';

/**
 * Public availability: which centres have sessions on which days, and how many doses are left.
 * A centre with no session in the range is left out, as Co-WIN left it out.
 */
export class AvailabilityService {
  constructor(
    private readonly db: Db,
    private readonly facilities: FacilityService,
    private readonly vaccines: VaccineLookup,
  ) {}

  async inDistrict(districtId: number, query: AvailabilityQuery): Promise<CentreAvailability[]> {
    return this.withSessions(await this.facilities.listInDistrict(districtId), query);
  }

  async byPincode(pincode: number, query: AvailabilityQuery): Promise<CentreAvailability[]> {
    return this.withSessions(await this.facilities.listByPincode(pincode), query);
  }

  /** One centre's calendar; the centre is returned even on days it has no session, so a client can show it. */
  async atCentre(facilityId: number, query: AvailabilityQuery): Promise<CentreAvailability | undefined> {
    const facility = await this.facilities.findById(facilityId);
    if (!facility) return undefined;
    const [centre] = await this.withSessions([facility], query, { keepEmpty: true });
    return centre;
  }

  /** Sessions by id, each with its centre: what an appointment list or slip shows. */
  async sessionsWithCentres(sessionIds: string[]): Promise<Map<string, { session: SessionAvailability; facility: Facility }>> {
    const sessions = await store.selectSessionsByIds(this.db, [...new Set(sessionIds)]);
    const facilities = await this.facilities.findByIds(sessions.map((s) => s.facilityId));
    const found = new Map<string, { session: SessionAvailability; facility: Facility }>();
    for (const session of sessions) {
      const facility = facilities.get(session.facilityId);
      if (facility) found.set(session.id, { session, facility });
    }
    return found;
  }

  addSessions(db: Db, sessions: NewSession[]): Promise<void> {
    return store.insertSessions(db, sessions);
  }

  /** The days in [from, to] that already have at least one session anywhere. */
  datesWithSessions(from: IsoDate, to: IsoDate): Promise<Set<string>> {
    return store.selectSessionDates(this.db, from, to);
  }

  private async withSessions(
    facilities: Facility[],
    query: AvailabilityQuery,
    options: { keepEmpty?: boolean } = {},
  ): Promise<CentreAvailability[]> {
    // An unknown vaccine name matches nothing, as an unknown district does: an empty answer, not an error.
    const vaccine = query.vaccine === undefined ? undefined : (this.vaccines.byName(query.vaccine)?.name ?? query.vaccine);
    const sessions = await store.selectSessions(
      this.db,
      facilities.map((f) => f.id),
      { from: query.from, to: addDays(query.from, query.days - 1), vaccine },
    );
    const byFacility = new Map<number, CentreAvailability>(facilities.map((f) => [f.id, { facility: f, sessions: [] }]));
    for (const session of sessions) byFacility.get(session.facilityId)?.sessions.push(session);
    return [...byFacility.values()].filter((c) => options.keepEmpty || c.sessions.length > 0);
  }
}
