import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { StaffRole, StaffScope } from '../access/schema.js';
import type { GeographyService } from '../geography/service.js';
import { assertWithinScope, formatScope, isWithinScope, parseScope, placeOfDistrict, scopeLevelOfRole, type Place } from './scope.js';

// Maharashtra (21): Mumbai (395), Pune (363); Karnataka (16): Bangalore Urban (265).
const places = {
  mumbaiCentre: { stateId: 21, districtId: 395, facilityId: 560001 },
  otherMumbaiCentre: { stateId: 21, districtId: 395, facilityId: 560002 },
  mumbai: { stateId: 21, districtId: 395 },
  puneCentre: { stateId: 21, districtId: 363, facilityId: 570001 },
  maharashtra: { stateId: 21 },
  bangaloreCentre: { stateId: 16, districtId: 265, facilityId: 580001 },
  karnataka: { stateId: 16 },
} satisfies Record<string, Place>;
type PlaceName = keyof typeof places;

/** Per role (OWASP API5): the places its demo-style scope reaches, and every other place refused. */
const cases: { role: StaffRole; scope: StaffScope; inside: PlaceName[] }[] = [
  { role: 'national_admin', scope: { level: 'nation' }, inside: Object.keys(places) as PlaceName[] },
  { role: 'auditor', scope: { level: 'nation' }, inside: Object.keys(places) as PlaceName[] },
  { role: 'state_admin', scope: { level: 'state', stateId: 21 }, inside: ['mumbaiCentre', 'otherMumbaiCentre', 'mumbai', 'puneCentre', 'maharashtra'] },
  { role: 'district_admin', scope: { level: 'district', districtId: 395 }, inside: ['mumbaiCentre', 'otherMumbaiCentre', 'mumbai'] },
  { role: 'facility_admin', scope: { level: 'facility', facilityId: 560001 }, inside: ['mumbaiCentre'] },
  { role: 'vaccinator', scope: { level: 'facility', facilityId: 560001 }, inside: ['mumbaiCentre'] },
];

describe('isWithinScope, per role', () => {
  it.each(cases)('$role reaches exactly its own places', ({ role, scope, inside }) => {
    expect(scopeLevelOfRole[role]).toBe(scope.level);
    for (const name of Object.keys(places) as PlaceName[]) {
      expect(isWithinScope(scope, places[name]), `${role} on ${name}`).toBe(inside.includes(name));
    }
  });

  it.each(cases.filter((c) => c.scope.level !== 'nation'))('$role gets 404, not 403, outside its scope', ({ scope, inside }) => {
    const outside = (Object.keys(places) as PlaceName[]).find((name) => !inside.includes(name))!;
    let thrown: unknown;
    try {
      assertWithinScope(scope, places[outside]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'NOT_FOUND', statusCode: 404 });
    expect(() => assertWithinScope(scope, places[inside[0]!])).not.toThrow();
  });

  it('treats a place that was not found like one outside the scope', () => {
    expect(() => assertWithinScope({ level: 'nation' }, undefined)).toThrow(/No such record/);
  });
});

describe('placeOfDistrict', () => {
  it('takes the state from geography, not from the caller', () => {
    const geography = { placeOf: (id: number) => (id === 395 ? { districtId: 395, districtName: 'Mumbai', stateId: 21, stateName: 'Maharashtra' } : undefined) };
    expect(placeOfDistrict(geography as unknown as GeographyService, 395)).toEqual({ stateId: 21, districtId: 395 });
    expect(placeOfDistrict(geography as unknown as GeographyService, 9999)).toBeUndefined();
  });
});

describe('the CLI scope argument', () => {
  it.each([
    ['nation', { level: 'nation' }],
    ['state:21', { level: 'state', stateId: 21 }],
    ['District:395', { level: 'district', districtId: 395 }],
    [' facility:560001 ', { level: 'facility', facilityId: 560001 }],
  ])('reads %j', (text, scope) => {
    expect(parseScope(text)).toEqual(scope);
    expect(formatScope(parseScope(text)!)).toBe(text.trim().toLowerCase());
  });

  it.each(['', 'india', 'state', 'state:', 'state:0', 'state:-1', 'state:21x', 'block:1', 'district:1234567890'])('refuses %j', (text) => {
    expect(parseScope(text)).toBeUndefined();
  });
});
