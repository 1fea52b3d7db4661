import type { Services } from '../../services.js';
import { centreOfLatestVisit } from '../beneficiaries/correction-review-jurisdiction.js';
import type { Place } from '../staff/scope.js';

type PlaceServices = Pick<Services, 'beneficiaries' | 'booking' | 'availability' | 'certificates' | 'facilities' | 'geography'>;

/**
 * Where a person belongs for the jurisdiction rule (decision 0015): the centre of their live
 * appointment, else of their latest dose, as correction requests are placed (decision 0011).
 */
export function personPlaceLookup(services: PlaceServices): (beneficiaryId: string) => Promise<Place | undefined> {
  return async (beneficiaryId) => {
    const member = await services.beneficiaries.memberById(beneficiaryId);
    const centre = member && (await centreOfLatestVisit(services, member));
    const place = centre && services.geography.placeOf(centre.districtId);
    return place && centre && { stateId: place.stateId, districtId: place.districtId, facilityId: centre.facilityId };
  };
}
