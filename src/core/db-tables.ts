import type { ColumnType, Generated } from 'kysely';

/**
 * The tables Kysely knows about. Column names follow the SQL in db/migrations; each module's store
 * reads and writes only its own tables.
 */
export interface StateTable {
  id: number;
  name: string;
}

export interface DistrictTable {
  id: number;
  state_id: number;
  name: string;
  /** Order within the state, as Co-WIN's /districts answer listed them. */
  position: number;
}

export interface DistrictPincodeTable {
  district_id: number;
  pincode: number;
}

export interface FacilityTable {
  id: number;
  name: string;
  address: string;
  district_id: number;
  block_name: string;
  pincode: number;
  lat: number;
  long: number;
  opens_at: string;
  closes_at: string;
  fee_type: 'Free' | 'Paid';
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface FacilityVaccineFeeTable {
  facility_id: number;
  vaccine: string;
  fee: number;
}

export interface VaccinationSessionTable {
  id: string;
  facility_id: number;
  /** Calendar date in India (IST), as YYYY-MM-DD text so no time zone can shift it. */
  date: string;
  vaccine: string;
  min_age_limit: number;
  max_age_limit: number | null;
  allow_all_age: boolean;
  capacity_dose1: number;
  capacity_dose2: number;
  booked_dose1: Generated<number>;
  booked_dose2: Generated<number>;
  slots: string[];
}

export interface Database {
  state: StateTable;
  district: DistrictTable;
  district_pincode: DistrictPincodeTable;
  facility: FacilityTable;
  facility_vaccine_fee: FacilityVaccineFeeTable;
  vaccination_session: VaccinationSessionTable;
}
