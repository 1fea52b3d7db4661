import { formatCowinDate } from '../../core/calendar-date.js';
import type { CentreAvailability, SessionAvailability } from '../../modules/appointments/schema.js';
import type { Facility, NearbyFacility } from '../../modules/facilities/schema.js';
import type { DistrictPlace } from '../../modules/geography/schema.js';
import type { CalendarCenter, CalendarSession, FlatSession, NearbyCenter } from './schema.js';

/**
 * Co-WIN's shapes, built field by field in the order the real API sent them (clients compare
 * captures byte for byte, and some parse positionally). No spreading of domain objects.
 */

const unknownPlace = (facility: Facility): DistrictPlace => ({
  districtId: facility.districtId,
  districtName: '',
  stateId: 0,
  stateName: '',
});

function presentSession(session: SessionAvailability): CalendarSession {
  const view: CalendarSession = {
    session_id: session.id,
    date: formatCowinDate(session.date),
    available_capacity: session.availableDose1 + session.availableDose2,
    min_age_limit: session.minAgeLimit,
    allow_all_age: session.allowAllAge,
    vaccine: session.vaccine,
    slots: session.slots,
    available_capacity_dose1: session.availableDose1,
    available_capacity_dose2: session.availableDose2,
  };
  if (session.maxAgeLimit === null) return view;
  // max_age_limit sits right after min_age_limit when a session has one.
  const { session_id, date, available_capacity, min_age_limit, ...rest } = view;
  return { session_id, date, available_capacity, min_age_limit, max_age_limit: session.maxAgeLimit, ...rest };
}

export function presentCalendarCenter(centre: CentreAvailability, place: DistrictPlace | undefined): CalendarCenter {
  const { facility } = centre;
  const where = place ?? unknownPlace(facility);
  const view: CalendarCenter = {
    center_id: facility.id,
    name: facility.name,
    address: facility.address,
    state_name: where.stateName,
    district_name: where.districtName,
    block_name: facility.blockName,
    pincode: facility.pincode,
    lat: Math.trunc(facility.lat),
    long: Math.trunc(facility.long),
    from: facility.opensAt,
    to: facility.closesAt,
    fee_type: facility.feeType,
    sessions: centre.sessions.map(presentSession),
  };
  if (facility.feeType === 'Paid') {
    view.vaccine_fees = facility.fees.map((f) => ({ vaccine: f.vaccine, fee: String(f.fee) }));
  }
  return view;
}

export function presentFlatSessions(centre: CentreAvailability, place: DistrictPlace | undefined): FlatSession[] {
  const { facility } = centre;
  const where = place ?? unknownPlace(facility);
  return centre.sessions.map((session) => {
    const fee = facility.feeType === 'Paid' ? facility.fees.find((f) => f.vaccine === session.vaccine)?.fee ?? 0 : 0;
    const flat: FlatSession = {
      center_id: facility.id,
      name: facility.name,
      address: facility.address,
      state_name: where.stateName,
      district_name: where.districtName,
      block_name: facility.blockName,
      pincode: facility.pincode,
      from: facility.opensAt,
      to: facility.closesAt,
      lat: Math.trunc(facility.lat),
      long: Math.trunc(facility.long),
      fee_type: facility.feeType,
      session_id: session.id,
      date: formatCowinDate(session.date),
      available_capacity: session.availableDose1 + session.availableDose2,
      available_capacity_dose1: session.availableDose1,
      available_capacity_dose2: session.availableDose2,
      fee: String(fee),
      min_age_limit: session.minAgeLimit,
      allow_all_age: session.allowAllAge,
      vaccine: session.vaccine,
      slots: session.slots,
    };
    if (session.maxAgeLimit === null) return flat;
    const { allow_all_age, vaccine, slots, ...head } = flat;
    return { ...head, max_age_limit: session.maxAgeLimit, allow_all_age, vaccine, slots };
  });
}

export function presentNearbyCenter(facility: NearbyFacility, place: DistrictPlace | undefined): NearbyCenter {
  const where = place ?? unknownPlace(facility);
  return {
    center_id: facility.id,
    name: facility.name,
    district_name: where.districtName,
    state_name: where.stateName,
    location: facility.address,
    pincode: String(facility.pincode),
    block_name: facility.blockName,
    lat: facility.lat.toFixed(8),
    long: facility.long.toFixed(8),
  };
}
