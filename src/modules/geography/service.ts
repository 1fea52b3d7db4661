import type { Db } from '../../core/db.js';
import type { District, DistrictPlace, GeographyImport, PincodeImport, State } from './schema.js';
import * as store from './store.js';

/**
 * States and districts change a few times a decade, and every public answer names them, so the
 * service keeps them in memory after one load instead of joining them into each query.
 */
export class GeographyService {
  private states: State[] = [];
  private districtsByState = new Map<number, District[]>();
  private places = new Map<number, DistrictPlace>();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    const [states, districts] = await Promise.all([store.selectStates(this.db), store.selectDistricts(this.db)]);
    const stateNames = new Map(states.map((s) => [s.id, s.name]));
    const byState = new Map<number, District[]>();
    const places = new Map<number, DistrictPlace>();
    for (const district of districts) {
      const list = byState.get(district.stateId) ?? [];
      list.push(district);
      byState.set(district.stateId, list);
      places.set(district.id, {
        districtId: district.id,
        districtName: district.name,
        stateId: district.stateId,
        stateName: stateNames.get(district.stateId) ?? '',
      });
    }
    this.states = states;
    this.districtsByState = byState;
    this.places = places;
  }

  listStates(): readonly State[] {
    return this.states;
  }

  /** Districts of a state in Co-WIN's order; an unknown state has none. */
  listDistricts(stateId: number): readonly District[] {
    return this.districtsByState.get(stateId) ?? [];
  }

  placeOf(districtId: number): DistrictPlace | undefined {
    return this.places.get(districtId);
  }

  allDistricts(): DistrictPlace[] {
    return [...this.places.values()];
  }

  async isEmpty(): Promise<boolean> {
    return (await store.countStates(this.db)) === 0;
  }

  pincodesOfDistrict(districtId: number): Promise<number[]> {
    return store.selectPincodesOfDistrict(this.db, districtId);
  }

  /** Loads Co-WIN's states, districts and their PIN codes into an empty database. */
  async importGeography(db: Db, geography: GeographyImport, pincodes: PincodeImport): Promise<void> {
    await store.insertStates(db, geography.states.map((s) => ({ id: s.state_id, name: s.state_name })));
    await store.insertDistricts(
      db,
      geography.states.flatMap((s) =>
        s.districts.map((d, position) => ({ id: d.district_id, stateId: s.state_id, name: d.district_name, position })),
      ),
    );
    const known = new Set(geography.states.flatMap((s) => s.districts.map((d) => d.district_id)));
    await store.insertDistrictPincodes(
      db,
      pincodes.districts
        .filter((d) => known.has(d.district_id))
        .flatMap((d) => [...new Set(d.pincodes)].map((pincode) => ({ districtId: d.district_id, pincode }))),
    );
  }
}
