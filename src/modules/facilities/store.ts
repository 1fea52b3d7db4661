import type { Db } from '../../core/db.js';
import type { FacilityTable } from '../../core/db-tables.js';
import type { Facility, VaccineFee } from './schema.js';

type FacilityRow = Omit<FacilityTable, 'created_at' | 'ownership'>;

const facilityColumns = [
  'id', 'name', 'address', 'district_id', 'block_name', 'pincode', 'lat', 'long', 'opens_at', 'closes_at', 'fee_type',
] as const;

export async function insertFacilities(db: Db, facilities: Facility[]): Promise<void> {
  const chunkSize = 1000;
  for (let i = 0; i < facilities.length; i += chunkSize) {
    const chunk = facilities.slice(i, i + chunkSize);
    await db
      .insertInto('facility')
      .values(
        chunk.map((f) => ({
          id: f.id, name: f.name, address: f.address, district_id: f.districtId, block_name: f.blockName,
          pincode: f.pincode, lat: f.lat, long: f.long, opens_at: f.opensAt, closes_at: f.closesAt, fee_type: f.feeType,
        })),
      )
      .execute();
    const fees = chunk.flatMap((f) => f.fees.map((fee) => ({ facility_id: f.id, vaccine: fee.vaccine, fee: fee.fee })));
    if (fees.length > 0) await db.insertInto('facility_vaccine_fee').values(fees).execute();
  }
}

export async function countFacilities(db: Db): Promise<number> {
  const row = await db.selectFrom('facility').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function selectFacilitiesInDistrict(db: Db, districtId: number): Promise<FacilityRow[]> {
  return db.selectFrom('facility').select(facilityColumns).where('district_id', '=', districtId).orderBy('id').execute();
}

export function selectFacilitiesByPincode(db: Db, pincode: number): Promise<FacilityRow[]> {
  return db.selectFrom('facility').select(facilityColumns).where('pincode', '=', pincode).orderBy('id').execute();
}

export function selectFacilitiesByIds(db: Db, ids: number[]): Promise<FacilityRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('facility').select(facilityColumns).where('id', 'in', ids).orderBy('id').execute();
}

export function selectFacilitiesInBox(
  db: Db,
  box: { minLat: number; maxLat: number; minLong: number; maxLong: number },
): Promise<FacilityRow[]> {
  return db
    .selectFrom('facility')
    .select(facilityColumns)
    .where('lat', '>=', box.minLat)
    .where('lat', '<=', box.maxLat)
    .where('long', '>=', box.minLong)
    .where('long', '<=', box.maxLong)
    .execute();
}

export async function selectFees(db: Db, facilityIds: number[]): Promise<Map<number, VaccineFee[]>> {
  const fees = new Map<number, VaccineFee[]>();
  if (facilityIds.length === 0) return fees;
  const rows = await db
    .selectFrom('facility_vaccine_fee')
    .select(['facility_id', 'vaccine', 'fee'])
    .where('facility_id', 'in', facilityIds)
    .orderBy('facility_id')
    .orderBy('vaccine')
    .execute();
  for (const row of rows) {
    const list = fees.get(row.facility_id) ?? [];
    list.push({ vaccine: row.vaccine, fee: row.fee });
    fees.set(row.facility_id, list);
  }
  return fees;
}
