import type { DeterministicRandom } from '../../core/deterministic-random.js';
import type { Facility } from '../facilities/schema.js';
import type { DistrictPlace } from '../geography/schema.js';
import { vaccines, type VaccineName } from '../vaccination/vaccines.js';
import { cityDistricts, districtsBesideCities, stateAreas, type Area } from './places.js';

/** Co-WIN centre ids were six-digit numbers; demo centres count up from here. */
export const FIRST_DEMO_CENTRE_ID = 560001;

const governmentKinds = [
  (block: string) => `Urban PHC ${block}`,
  (block: string) => `Primary Health Centre ${block}`,
  (block: string) => `Community Health Centre ${block}`,
  (block: string) => `Municipal Dispensary ${block}`,
  (_block: string, district: string) => `${district} District Hospital`,
  (_block: string, district: string) => `Sub Divisional Hospital ${district}`,
  (block: string) => `Govt Covid Vaccination Centre ${block}`,
];

const privateNames = [
  'Sanjeevani Multispeciality Hospital', 'Lifeline Hospital', 'Shree Sai Clinic', 'Arogya Nursing Home',
  'City Care Hospital', 'Dhanvantari Hospital', 'Sunrise Medical Centre', 'Navjeevan Hospital',
  'Swasthya Polyclinic', 'Janseva Hospital', 'Seva Sadan Hospital', 'Aastha Healthcare',
];

const roads = ['Station Road', 'MG Road', 'Hospital Road', 'Gandhi Chowk', 'Nehru Nagar', 'Bazaar Road', 'Civil Lines', 'Court Road', 'Tilak Marg', 'Ambedkar Road'];

const openingHours = [
  { opensAt: '09:00:00', closesAt: '17:00:00' },
  { opensAt: '09:30:00', closesAt: '16:00:00' },
  { opensAt: '10:00:00', closesAt: '18:00:00' },
  { opensAt: '08:00:00', closesAt: '14:00:00' },
] as const;

function blocksOf(place: DistrictPlace): string[] {
  const name = place.districtName.trim();
  return [`${name} Urban`, `${name} Rural`, `${name} Municipal Corporation`, `${name} North`, `${name} South`];
}

function pointNear(area: Area, random: DeterministicRandom): { lat: number; long: number } {
  const lat = area.lat + (random.next() * 2 - 1) * area.spread;
  const long = area.long + (random.next() * 2 - 1) * area.spread;
  return { lat: Math.min(37.0, Math.max(6.8, lat)), long: Math.min(97.3, Math.max(68.2, long)) };
}

/** Where a district's centres cluster: a city's real spot, or a point inside its state. */
export function districtArea(place: DistrictPlace, random: DeterministicRandom): Area {
  const known = cityDistricts[place.districtId] ?? districtsBesideCities[place.districtId];
  if (known) return known;
  const state = stateAreas[place.stateId] ?? { lat: 22.5, long: 79, spread: 3 };
  const centre = pointNear(state, random);
  return { ...centre, spread: Math.min(0.08, state.spread / 2) };
}

export interface DemoCentre extends Facility {
  vaccines: VaccineName[];
}

/**
 * The demo centres of one district. `pincodes` are real PIN codes of the district (or, for the few
 * Co-WIN districts India Post has no match for, of a neighbour in the same state).
 */
export function generateCentres(
  place: DistrictPlace,
  pincodes: number[],
  firstId: number,
  random: DeterministicRandom,
): DemoCentre[] {
  const area = districtArea(place, random);
  const count = cityDistricts[place.districtId] ? random.integer(40, 56) : random.integer(3, 7);
  const blocks = blocksOf(place).slice(0, random.integer(2, 5));
  const district = place.districtName.trim();
  const centres: DemoCentre[] = [];
  for (let i = 0; i < count; i += 1) {
    const block = random.pick(blocks);
    const isPrivate = random.chance(0.3);
    const name = isPrivate
      ? `${random.pick(privateNames)} ${district}`
      : random.pick(governmentKinds)(block, district);
    const point = pointNear(area, random);
    const offered = isPrivate
      ? [random.pick(['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'COVOVAX'] as const)]
      : [...new Set([random.pick(['COVISHIELD', 'COVAXIN'] as const), random.pick(['COVISHIELD', 'CORBEVAX', 'COVAXIN'] as const)])];
    const hours = random.pick(openingHours);
    centres.push({
      id: firstId + i,
      // Two centres of one district may draw the same name; the number keeps them apart on screen.
      name: centres.some((c) => c.name === name) ? `${name} ${i + 1}` : name,
      address: `${random.integer(1, 250)}, ${random.pick(roads)}, ${block}, ${district}`,
      districtId: place.districtId,
      blockName: block,
      pincode: random.pick(pincodes),
      lat: Number(point.lat.toFixed(6)),
      long: Number(point.long.toFixed(6)),
      opensAt: hours.opensAt,
      closesAt: hours.closesAt,
      feeType: isPrivate ? 'Paid' : 'Free',
      fees: isPrivate
        ? offered.map((name) => ({ vaccine: name, fee: vaccines.find((v) => v.name === name)!.privatePriceRupees }))
        : [],
      vaccines: offered,
    });
  }
  return centres;
}
