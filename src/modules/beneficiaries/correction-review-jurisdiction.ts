import type { StaffRole, StaffScope } from '../access/schema.js';
import type { ReviewLookup } from '../access/service.js';
import type { GeographyService } from '../geography/service.js';
import { isWithinScope } from '../staff/scope.js';
import type { Services } from '../../services.js';
import * as reviewStore from './correction-review-store.js';
import type { QueueFilter } from './correction-review-store.js';
import type { Member } from './service.js';

/**
 * Who reviews a correction request (decision 0011). A request belongs to the district of the centre
 * where the person was last seen or is next expected: their live appointment, else their latest
 * dose. It is fixed when the request is raised, so a queue does not shift under its reviewers and a
 * citizen cannot move a request by booking elsewhere. Administrators of that district, of its state
 * and of the nation review it; a request with no such centre goes to national administrators only.
 * Centre staff and auditors never review: the first are one login away from a lookup oracle, the
 * second check the log that reviews are written to.
 */
export const reviewRoles = ['district_admin', 'state_admin', 'national_admin'] as const satisfies readonly StaffRole[];

/** Distinct people one reviewer may open per day (India time), counted by the access module. */
export const CORRECTION_REVIEWS_PER_DAY = 100;

export interface CorrectionJurisdiction {
  facilityId: number;
  districtId: number;
}

type VisitServices = Pick<Services, 'booking' | 'availability' | 'certificates' | 'facilities'>;

/** The centre of the member's live appointment, else of their latest recorded dose; none for someone never booked. */
export async function centreOfLatestVisit(services: VisitServices, member: Member): Promise<CorrectionJurisdiction | undefined> {
  const live = (await services.booking.liveAppointmentsOf(member.accountId)).find((a) => a.beneficiary_id === member.id);
  const booked = live && (await services.availability.sessionsWithCentres([live.session_id])).get(live.session_id);
  if (booked) return { facilityId: booked.facility.id, districtId: booked.facility.districtId };
  const [latestDose] = (await services.certificates.certificatesOf(member.id)).sort((a, b) => b.dose - a.dose);
  const facility = latestDose && (await services.facilities.findById(latestDose.facilityId));
  return facility && { facilityId: facility.id, districtId: facility.districtId };
}

/** Whether a reviewer's scope holds a request's district; a request without one is national. */
export function isReviewableBy(geography: GeographyService, scope: StaffScope, districtId: number | null): boolean {
  if (districtId === null) return scope.level === 'nation';
  const place = geography.placeOf(districtId);
  return place !== undefined && isWithinScope(scope, { stateId: place.stateId, districtId });
}

/** The districts whose requests a reviewer's queue lists. */
export function queueOf(geography: GeographyService, scope: StaffScope): QueueFilter {
  switch (scope.level) {
    case 'nation': return { kind: 'all' };
    case 'state': return { kind: 'districts', districtIds: geography.listDistricts(scope.stateId).map((d) => d.id) };
    case 'district': return { kind: 'districts', districtIds: [scope.districtId] };
    case 'facility': return { kind: 'districts', districtIds: [] };
  }
}

/**
 * For the access module: a reviewer may read a person's fields only while an open request about
 * them asks to correct exactly those fields and lies in the reviewer's jurisdiction.
 */
export function reviewLookup(geography: GeographyService): ReviewLookup {
  return async (db, staff, beneficiaryId, fields) => {
    if (!(reviewRoles as readonly StaffRole[]).includes(staff.role)) return false;
    const open = await reviewStore.selectOpenRequestsAbout(db, beneficiaryId);
    return open.some((r) => fields.every((f) => f === r.field) && isReviewableBy(geography, staff.scope, r.district_id));
  };
}
