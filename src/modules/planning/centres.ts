import { AppError, notFound } from '../../core/errors.js';
import type { DistrictPlace } from '../geography/schema.js';
import type { StaffActor } from '../staff/request-staff.js';
import { checkCentre, type CentreDraft } from './centre-rules.js';
import { assertNoProblems, type FieldProblem } from './field-problems.js';
import { centreInScope, centreView, districtInScope, type PlanningDeps } from './places.js';
import type { CentreBody, CentreChanges, CentreView, Notice } from './schema.js';
import * as store from './store.js';

export interface SavedCentre {
  centre: CentreView;
  notices: Notice[];
}

/** Fields a facility administrator may not change on their own centre: where it is and who runs it. */
const districtLevelFields = ['district_id', 'ownership'] as const;

function bodyOf(centre: store.PlannedCentre): CentreBody {
  return {
    centre_name: centre.name, address: centre.address, district_id: centre.districtId, block_name: centre.blockName, pincode: centre.pincode,
    lat: centre.lat, long: centre.long, opens_at: centre.opensAt, closes_at: centre.closesAt, ownership: centre.ownership,
    fee_type: centre.feeType, vaccines: centre.vaccines.map((v) => ({ vaccine: v.vaccine, fee: v.fee })),
  };
}

/** Centres: national, state and district administrators create them in their scope; a facility administrator edits their own. */
export class CentrePlanning {
  constructor(private readonly deps: PlanningDeps) {}

  async list(staff: StaffActor, districtId: number): Promise<CentreView[]> {
    const place = districtInScope(this.deps.geography, staff, districtId);
    if (!place) throw notFound('district');
    return (await store.selectCentresInDistrict(this.deps.db, districtId)).map((c) => centreView(c, place));
  }

  async get(staff: StaffActor, centreId: number): Promise<CentreView> {
    const { centre, place } = await centreInScope(this.deps, staff, centreId);
    return centreView(centre, place);
  }

  /**
   * Checks one centre by the shared rules. `place` is its district as the caller may plan in it;
   * undefined (unknown, or outside the caller's scope) is reported as the same problem either way.
   * Used by create, update and the CSV import.
   */
  async prepare(place: DistrictPlace | undefined, input: CentreBody, pincodes: PincodeCache): Promise<{ draft: CentreDraft; problems: FieldProblem[]; notices: Notice[] }> {
    const checked = checkCentre(input, {
      catalogue: this.deps.catalogue,
      district: { name: place?.districtName ?? '', pincodes: place ? await pincodes.of(place.districtId) : [] },
    });
    if (!place) checked.problems.unshift({ field: 'district_id', error: 'district_id: no such district, or it is outside your area' });
    return checked;
  }

  async create(staff: StaffActor, input: CentreBody): Promise<SavedCentre> {
    const place = districtInScope(this.deps.geography, staff, input.district_id);
    if (!place) throw notFound('district');
    const { draft, problems, notices } = await this.prepare(place, input, new PincodeCache(this.deps));
    assertNoProblems(problems);
    const centre = await this.deps.db.transaction().execute(async (trx) => {
      const [id] = await store.nextCentreIds(trx, 1);
      const created = { ...draft, id: id! };
      await store.insertCentres(trx, [created], this.deps.clock.now());
      await this.deps.access.record({
        type: 'centre.created', actor: staff, outcome: 'done', ip: staff.ip,
        detail: { centre_id: created.id, district_id: created.districtId, fees_capped: notices.length },
      }, trx);
      return created;
    });
    return { centre: centreView(centre, this.deps.geography.placeOf(centre.districtId)!), notices };
  }

  async update(staff: StaffActor, centreId: number, changes: CentreChanges): Promise<SavedCentre> {
    if (staff.role === 'facility_admin') {
      const field = districtLevelFields.find((f) => changes[f] !== undefined);
      if (field) throw new AppError('FIELD_NOT_YOURS', 403, `${field}: only the centre's district, state or national administrator can change this.`, field);
    }
    const before = await centreInScope(this.deps, staff, centreId);
    // A facility administrator never moves a centre (above), so only a move needs the new district in scope.
    const place = changes.district_id === undefined ? before.place : districtInScope(this.deps.geography, staff, changes.district_id);
    if (!place) throw notFound('district');
    // PIN codes are read before the transaction: the embedded database runs one connection at a time.
    const pincodes = new PincodeCache(this.deps);
    await pincodes.of(place.districtId);
    return this.deps.db.transaction().execute(async (trx) => {
      await store.lockCentre(trx, centreId);
      const { centre: current } = await centreInScope(this.deps, staff, centreId, trx);
      if (current.districtId !== before.centre.districtId) throw new AppError('CENTRE_MOVED', 409, 'Someone moved this centre to another district just now; load it again and repeat your change.');
      const { draft, problems, notices } = await this.prepare(place, { ...bodyOf(current), ...changes, district_id: place.districtId }, pincodes);
      assertNoProblems(problems);
      const updated = { ...draft, id: current.id };
      await store.updateCentre(trx, updated);
      await this.deps.access.record({
        type: 'centre.updated', actor: staff, outcome: 'done', ip: staff.ip,
        detail: { centre_id: current.id, fields: Object.keys(changes).sort().join(','), fees_capped: notices.length },
      }, trx);
      return { centre: centreView(updated, this.deps.geography.placeOf(updated.districtId)!), notices };
    });
  }
}

/** PIN codes per district, fetched once per request or import. */
export class PincodeCache {
  private readonly known = new Map<number, Promise<number[]>>();

  constructor(private readonly deps: Pick<PlanningDeps, 'geography'>) {}

  of(districtId: number): Promise<number[]> {
    let pins = this.known.get(districtId);
    if (!pins) {
      pins = this.deps.geography.pincodesOfDistrict(districtId);
      this.known.set(districtId, pins);
    }
    return pins;
  }
}
