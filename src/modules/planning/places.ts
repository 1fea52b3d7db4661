import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { DistrictPlace } from '../geography/schema.js';
import type { GeographyService } from '../geography/service.js';
import type { StaffActor } from '../staff/request-staff.js';
import { isWithinScope, OutOfScopeError } from '../staff/scope.js';
import type { VaccineCatalogue } from './catalogue.js';
import type { CentreView } from './schema.js';
import * as store from './store.js';

export interface PlanningDeps {
  db: Db;
  clock: Clock;
  access: AccessService;
  geography: GeographyService;
  catalogue: VaccineCatalogue;
}

/**
 * A district the staff member may plan in, or undefined: one outside their scope looks exactly like
 * one that does not exist (OWASP API5), in answers and in CSV row reports alike.
 */
export function districtInScope(geography: GeographyService, staff: StaffActor, districtId: number): DistrictPlace | undefined {
  const place = Number.isInteger(districtId) ? geography.placeOf(districtId) : undefined;
  return place && isWithinScope(staff.scope, { stateId: place.stateId, districtId: place.districtId }) ? place : undefined;
}

/** A centre within the staff member's scope, with its place; 404 otherwise (decision 0012). */
export async function centreInScope(deps: PlanningDeps, staff: StaffActor, centreId: number, db: Db = deps.db): Promise<{ centre: store.PlannedCentre; place: DistrictPlace }> {
  const centre = await store.selectCentre(db, centreId);
  const place = centre && deps.geography.placeOf(centre.districtId);
  if (!centre || !place) throw notFound('centre');
  // Someone else's centre answers as one that does not exist, and is recorded as a refusal (decision 0015).
  if (!isWithinScope(staff.scope, { stateId: place.stateId, districtId: place.districtId, facilityId: centre.id })) throw new OutOfScopeError('centre', { place: `facility:${centre.id}` });
  return { centre, place };
}

export function centreView(centre: store.PlannedCentre, place: DistrictPlace): CentreView {
  return {
    id: centre.id, centre_name: centre.name, address: centre.address, state_id: place.stateId, state_name: place.stateName,
    district_id: place.districtId, district_name: place.districtName.trim(), block_name: centre.blockName, pincode: centre.pincode,
    lat: centre.lat, long: centre.long, opens_at: centre.opensAt, closes_at: centre.closesAt, ownership: centre.ownership,
    fee_type: centre.feeType, vaccines: centre.vaccines.map((v) => ({ vaccine: v.vaccine, fee: v.fee })),
  };
}
