import { AppError, notFound } from '../../core/errors.js';
import type { StaffRole, StaffScope } from '../access/schema.js';
import type { FacilityService } from '../facilities/service.js';
import type { GeographyService } from '../geography/service.js';

/**
 * Where a staff account may act (OWASP API5, broken function-level authorisation): the nation
 * holds every state, a state its districts, a district its centres. Modules that serve staff
 * (planning, vaccination) check every record they touch with `assertWithinScope`, building the
 * record's Place from stored data with `placeOfDistrict` / `placeOfFacility`, never from ids the
 * request supplied alongside it.
 */
export type ScopeLevel = StaffScope['level'];

export interface Place {
  stateId: number;
  /** Absent for a state-wide record: then only nation and state scopes cover it. */
  districtId?: number | undefined;
  facilityId?: number | undefined;
}

/** The one level each role works at; the database's CHECK says the same (decision 0007). */
export const scopeLevelOfRole: Readonly<Record<StaffRole, ScopeLevel>> = {
  national_admin: 'nation',
  auditor: 'nation',
  state_admin: 'state',
  district_admin: 'district',
  facility_admin: 'facility',
  vaccinator: 'facility',
};

export function isWithinScope(scope: StaffScope, place: Place): boolean {
  switch (scope.level) {
    case 'nation': return true;
    case 'state': return place.stateId === scope.stateId;
    case 'district': return place.districtId !== undefined && place.districtId === scope.districtId;
    case 'facility': return place.facilityId !== undefined && place.facilityId === scope.facilityId;
  }
}

/** What a staff request named outside its scope: a person (their record or appointment) or a place. */
export type ScopeTarget = { person: string } | { place: string };

/**
 * The 404 of a record that exists outside the caller's scope: to the caller it is exactly
 * `notFound(what)`, while the API records it as a refusal after the request's transaction has
 * ended, so detection counts it (decision 0015).
 */
export class OutOfScopeError extends AppError {
  constructor(what: string, readonly target: ScopeTarget) {
    const same = notFound(what);
    super(same.code, same.statusCode, same.message);
  }
}

function placeTarget(place: Place): ScopeTarget {
  if (place.facilityId !== undefined) return { place: `facility:${place.facilityId}` };
  if (place.districtId !== undefined) return { place: `district:${place.districtId}` };
  return { place: `state:${place.stateId}` };
}

/**
 * Throws the same 404 as for a record that does not exist: answering 403 would confirm that the
 * record is there, outside the caller's scope. An undefined place (nothing found) also gives 404.
 */
export function assertWithinScope(scope: StaffScope, place: Place | undefined): asserts place is Place {
  if (!place) throw notFound();
  if (!isWithinScope(scope, place)) throw new OutOfScopeError('record', placeTarget(place));
}

export function placeOfDistrict(geography: GeographyService, districtId: number): Place | undefined {
  const place = geography.placeOf(districtId);
  return place && { stateId: place.stateId, districtId: place.districtId };
}

export async function placeOfFacility(geography: GeographyService, facilities: FacilityService, facilityId: number): Promise<Place | undefined> {
  const facility = await facilities.findById(facilityId);
  const district = facility && placeOfDistrict(geography, facility.districtId);
  return district && { ...district, facilityId: facility.id };
}

/** Reads the CLI's `nation`, `state:21`, `district:395` or `facility:560001`. */
export function parseScope(text: string): StaffScope | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'nation') return { level: 'nation' };
  const match = /^(state|district|facility):([1-9]\d{0,8})$/.exec(trimmed);
  if (!match) return undefined;
  const id = Number(match[2]);
  switch (match[1]) {
    case 'state': return { level: 'state', stateId: id };
    case 'district': return { level: 'district', districtId: id };
    default: return { level: 'facility', facilityId: id };
  }
}

export function formatScope(scope: StaffScope): string {
  switch (scope.level) {
    case 'nation': return 'nation';
    case 'state': return `state:${scope.stateId}`;
    case 'district': return `district:${scope.districtId}`;
    case 'facility': return `facility:${scope.facilityId}`;
  }
}
