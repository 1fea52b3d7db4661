import { addDays, todayInIndia, type IsoDate } from '../../core/calendar-date.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { DeterministicRandom } from '../../core/deterministic-random.js';
import type { AvailabilityService } from '../appointments/availability.js';
import type { NewSession } from '../appointments/schema.js';
import type { FacilityService } from '../facilities/service.js';
import { readReferenceGeography } from '../geography/reference-data.js';
import type { PincodeImport } from '../geography/schema.js';
import type { GeographyService } from '../geography/service.js';
import { FIRST_DEMO_CENTRE_ID, generateCentres, type DemoCentre } from './centres.js';
import { generateSessions } from './sessions.js';

/** Demo sessions cover today and the next 13 days. */
export const DEMO_DAYS = 14;
export const DEFAULT_DEMO_SEED = 'teeka-demo-v1';

export interface SeedProgress {
  step: string;
  done: number;
  total: number;
}

export interface SeedReport {
  geographyImported: boolean;
  centresCreated: number;
  sessionsCreated: number;
}

/**
 * Development data: real Co-WIN geography, deterministic demo centres, and sessions from today on.
 * The same seed gives the same centres on every machine; sessions are generated per centre and day
 * from the same seed, so topping up the next days later gives what a fresh seed would have.
 */
export class DemoDataService {
  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      geography: GeographyService;
      facilities: FacilityService;
      availability: AvailabilityService;
      seed?: string;
    },
  ) {}

  async seed(onProgress: (progress: SeedProgress) => void = () => {}): Promise<SeedReport> {
    const { db, geography, facilities } = this.deps;
    const { geography: geographyData, pincodes } = await readReferenceGeography();
    const report: SeedReport = { geographyImported: false, centresCreated: 0, sessionsCreated: 0 };
    if (await geography.isEmpty()) {
      onProgress({ step: 'states, districts and PIN codes', done: 0, total: 1 });
      await db.transaction().execute((trx) => geography.importGeography(trx, geographyData, pincodes));
      onProgress({ step: 'states, districts and PIN codes', done: 1, total: 1 });
      report.geographyImported = true;
    }
    await geography.load();
    if (await facilities.isEmpty()) {
      const centres = this.demoCentres(pincodes);
      await db.transaction().execute(async (trx) => {
        const chunk = 500;
        for (let i = 0; i < centres.length; i += chunk) {
          await facilities.addFacilities(trx, centres.slice(i, i + chunk));
          onProgress({ step: 'centres', done: Math.min(i + chunk, centres.length), total: centres.length });
        }
      });
      report.centresCreated = centres.length;
    }
    report.sessionsCreated = await this.ensureSessions(onProgress, pincodes);
    return report;
  }

  /**
   * Whether this database holds the demo data, which a production server refuses (decision 0018).
   * Every demo seed starts with the demo centres, numbered from FIRST_DEMO_CENTRE_ID, and the demo
   * staff (whose passwords sit in a developer's data directory) and citizens are seeded only on top
   * of them; centres made by administrators are numbered from 700001 (migration 0006).
   */
  async isPresent(): Promise<boolean> {
    return (await this.deps.facilities.findById(FIRST_DEMO_CENTRE_ID)) !== undefined;
  }

  /** Adds demo sessions for any day from today to today+13 that has none yet; returns how many. */
  async ensureSessions(onProgress: (progress: SeedProgress) => void = () => {}, pincodes?: PincodeImport): Promise<number> {
    const { db, clock, availability } = this.deps;
    const today = todayInIndia(clock.now());
    const last = addDays(today, DEMO_DAYS - 1);
    const present = await availability.datesWithSessions(today, last);
    const missing: IsoDate[] = [];
    for (let offset = 0; offset < DEMO_DAYS; offset += 1) {
      const date = addDays(today, offset);
      if (!present.has(date)) missing.push(date);
    }
    if (missing.length === 0) return 0;
    const centres = this.demoCentres(pincodes ?? (await readReferenceGeography()).pincodes);
    const random = new DeterministicRandom(this.deps.seed ?? DEFAULT_DEMO_SEED).fork('sessions');
    let created = 0;
    await db.transaction().execute(async (trx) => {
      for (const [index, date] of missing.entries()) {
        const sessions: NewSession[] = centres.flatMap((centre) => generateSessions(centre, date, random));
        await availability.addSessions(trx, sessions);
        created += sessions.length;
        onProgress({ step: 'sessions', done: index + 1, total: missing.length });
      }
    });
    return created;
  }

  /** Every demo centre, in district-id order, regenerated from the seed (no database needed). */
  private demoCentres(pincodes: PincodeImport): DemoCentre[] {
    const random = new DeterministicRandom(this.deps.seed ?? DEFAULT_DEMO_SEED).fork('centres');
    const places = this.deps.geography.allDistricts().sort((a, b) => a.districtId - b.districtId);
    const pinsByDistrict = new Map(pincodes.districts.map((d) => [d.district_id, d.pincodes]));
    const centres: DemoCentre[] = [];
    for (const place of places) {
      const pins = pincodesOf(place.districtId, pinsByDistrict);
      centres.push(...generateCentres(place, pins, FIRST_DEMO_CENTRE_ID + centres.length, random.fork(place.districtId)));
    }
    return centres;
  }
}

/**
 * Co-WIN-only units that India Post has no district for: health districts and city corporations
 * carved out of a parent (their centres take the parent's PINs), and a few with no parent in the
 * data, which take real PINs of their own town.
 */
const parentDistrict: Record<number, number> = {
  294: 265, // BBMP: Bangalore Urban
  770: 154, 771: 175, 772: 153, 773: 169, 774: 178, 775: 173, 776: 165, 777: 155, // Gujarat corporations
  712: 730, 714: 711, 718: 735, 729: 732, 734: 713, // West Bengal health districts
  779: 546, 578: 545, 778: 553, 780: 554, 564: 556, 573: 567, 575: 572, 580: 549, // Tamil Nadu health units
  796: 311, // Agatti Island: Lakshadweep
};
const ownPincodes: Record<number, number[]> = {
  17: [791110, 791111, 791113], // Itanagar Capital Complex
  425: [796001, 796005, 796007], // Aizawl East
  426: [796009, 796012, 796017], // Aizawl West
  505: [302001, 302002, 302003, 302004, 302006], // Jaipur I
  506: [302012, 302015, 302017, 302019, 302020], // Jaipur II
};

function pincodesOf(districtId: number, pinsByDistrict: Map<number, number[]>): number[] {
  const own = pinsByDistrict.get(districtId);
  if (own && own.length > 0) return own;
  const parent = parentDistrict[districtId];
  const inherited = parent === undefined ? undefined : pinsByDistrict.get(parent);
  if (inherited && inherited.length > 0) return inherited;
  const fixed = ownPincodes[districtId];
  if (fixed) return fixed;
  throw new Error(`No PIN codes known for district ${districtId}; add it to the demo tables`);
}
