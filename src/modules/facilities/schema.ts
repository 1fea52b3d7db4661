export type FeeType = 'Free' | 'Paid';

export interface VaccineFee {
  vaccine: string;
  /** Rupees per dose. */
  fee: number;
}

/** A vaccination centre as the public sees it: no personal data lives here. */
export interface Facility {
  id: number;
  name: string;
  address: string;
  districtId: number;
  blockName: string;
  pincode: number;
  lat: number;
  long: number;
  /** "HH:MM:SS" */
  opensAt: string;
  closesAt: string;
  feeType: FeeType;
  fees: VaccineFee[];
}

export interface NearbyFacility extends Facility {
  distanceKm: number;
}
