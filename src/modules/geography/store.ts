import type { Db } from '../../core/db.js';
import type { District, State } from './schema.js';

export async function countStates(db: Db): Promise<number> {
  const row = await db.selectFrom('state').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertStates(db: Db, states: State[]): Promise<void> {
  if (states.length === 0) return;
  await db.insertInto('state').values(states.map((s) => ({ id: s.id, name: s.name }))).execute();
}

export async function insertDistricts(db: Db, districts: (District & { position: number })[]): Promise<void> {
  if (districts.length === 0) return;
  await db
    .insertInto('district')
    .values(districts.map((d) => ({ id: d.id, state_id: d.stateId, name: d.name, position: d.position })))
    .execute();
}

export async function insertDistrictPincodes(db: Db, rows: { districtId: number; pincode: number }[]): Promise<void> {
  const chunkSize = 5000;
  for (let i = 0; i < rows.length; i += chunkSize) {
    await db
      .insertInto('district_pincode')
      .values(rows.slice(i, i + chunkSize).map((r) => ({ district_id: r.districtId, pincode: r.pincode })))
      .execute();
  }
}

export async function selectStates(db: Db): Promise<State[]> {
  // Co-WIN lists states alphabetically, which puts 37 "Daman and Diu" after 8 "Dadra and Nagar Haveli".
  return db.selectFrom('state').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

export async function selectDistricts(db: Db): Promise<District[]> {
  return db
    .selectFrom('district')
    .select(['id', 'state_id as stateId', 'name'])
    .orderBy('state_id')
    .orderBy('position')
    .execute();
}

export async function selectPincodesOfDistrict(db: Db, districtId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('district_pincode')
    .select('pincode')
    .where('district_id', '=', districtId)
    .orderBy('pincode')
    .execute();
  return rows.map((r) => r.pincode);
}
