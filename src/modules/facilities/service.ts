import type { Db } from '../../core/db.js';
import type { Facility, NearbyFacility } from './schema.js';
import * as store from './store.js';

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = 111.32;

export function distanceKm(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLong = toRad(b.long - a.long);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export class FacilityService {
  constructor(private readonly db: Db) {}

  async isEmpty(): Promise<boolean> {
    return (await store.countFacilities(this.db)) === 0;
  }

  /** Adds centres (demo seeding and, later, administrators' onboarding), inside the caller's transaction. */
  addFacilities(db: Db, facilities: Facility[]): Promise<void> {
    return store.insertFacilities(db, facilities);
  }

  async listInDistrict(districtId: number): Promise<Facility[]> {
    return this.withFees(await store.selectFacilitiesInDistrict(this.db, districtId));
  }

  async listByPincode(pincode: number): Promise<Facility[]> {
    return this.withFees(await store.selectFacilitiesByPincode(this.db, pincode));
  }

  async findById(id: number): Promise<Facility | undefined> {
    const [facility] = await this.withFees(await store.selectFacilitiesByIds(this.db, [id]));
    return facility;
  }

  async findByIds(ids: number[]): Promise<Map<number, Facility>> {
    const facilities = await this.withFees(await store.selectFacilitiesByIds(this.db, [...new Set(ids)]));
    return new Map(facilities.map((f) => [f.id, f]));
  }

  /** Centres within `radiusKm` of a point, nearest first. */
  async findNear(point: { lat: number; long: number }, radiusKm: number, limit: number): Promise<NearbyFacility[]> {
    const latSpan = radiusKm / KM_PER_DEGREE_LAT;
    const longSpan = radiusKm / (KM_PER_DEGREE_LAT * Math.max(0.01, Math.cos((point.lat * Math.PI) / 180)));
    const candidates = await store.selectFacilitiesInBox(this.db, {
      minLat: point.lat - latSpan,
      maxLat: point.lat + latSpan,
      minLong: point.long - longSpan,
      maxLong: point.long + longSpan,
    });
    const nearest = candidates
      .map((row) => ({ row, distance: distanceKm(point, row) }))
      .filter((c) => c.distance <= radiusKm)
      .sort((a, b) => a.distance - b.distance || a.row.id - b.row.id)
      .slice(0, limit);
    const facilities = await this.withFees(nearest.map((c) => c.row));
    return facilities.map((facility, i) => ({ ...facility, distanceKm: nearest[i]!.distance }));
  }

  private async withFees(rows: Awaited<ReturnType<typeof store.selectFacilitiesInDistrict>>): Promise<Facility[]> {
    const paidIds = rows.filter((r) => r.fee_type === 'Paid').map((r) => r.id);
    const fees = await store.selectFees(this.db, paidIds);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      address: r.address,
      districtId: r.district_id,
      blockName: r.block_name,
      pincode: r.pincode,
      lat: r.lat,
      long: r.long,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      feeType: r.fee_type,
      fees: fees.get(r.id) ?? [],
    }));
  }
}
