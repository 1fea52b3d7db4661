import { sql } from 'kysely';
import type { DistrictPlace } from '../../../src/modules/geography/schema.js';
import type { TestApp } from '../../support/test-app.js';

/** A seeded demo centre and the places around it, from the test database itself. */
export interface Places {
  centreId: number;
  home: DistrictPlace;
  homePincode: number;
  /** Another district of the home state. */
  neighbour: DistrictPlace;
  /** A district of another state. */
  elsewhere: DistrictPlace;
}

export async function placesOf(t: TestApp): Promise<Places> {
  const centre = await t.database.db.selectFrom('facility').select(['id', 'district_id']).where('id', '=', 560001).executeTakeFirstOrThrow();
  const home = t.services.geography.placeOf(centre.district_id)!;
  const [homePincode] = await t.services.geography.pincodesOfDistrict(home.districtId);
  const districts = t.services.geography.allDistricts();
  return {
    centreId: centre.id,
    home,
    homePincode: homePincode ?? 400001,
    neighbour: districts.find((d) => d.stateId === home.stateId && d.districtId !== home.districtId)!,
    elsewhere: districts.find((d) => d.stateId !== home.stateId)!,
  };
}

/** A valid new centre in `place`, as the API takes it. */
export function centreBody(place: DistrictPlace, pincode: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    centre_name: 'Sanjeevani Multispeciality Hospital', address: '14, Station Road, Ward 3', district_id: place.districtId, block_name: 'Ward 3',
    pincode, lat: 19.07, long: 72.87, opens_at: '09:00', closes_at: '17:00', ownership: 'Private', fee_type: 'Paid',
    vaccines: [{ vaccine: 'COVAXIN', fee: 1200 }, { vaccine: 'COVISHIELD', fee: 700 }], ...over,
  };
}

/** The staff account id behind a username, to find its audit events. */
export async function staffIdOf(t: TestApp, username: string): Promise<string> {
  return (await t.database.db.selectFrom('staff_account').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export async function auditTypesBy(t: TestApp, staffId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('audit_event').select('type').where('actor_id', '=', staffId).orderBy('seq').execute();
  return rows.map((r) => r.type).filter((type) => !type.startsWith('staff.'));
}

export async function countRows(t: TestApp, table: 'facility' | 'vaccination_session' | 'vaccine'): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db);
  return Number(rows[0]!.n);
}
