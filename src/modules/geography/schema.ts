/** A state or union territory, with Co-WIN's id. */
export interface State {
  id: number;
  name: string;
}

export interface District {
  id: number;
  stateId: number;
  name: string;
}

/** A district with the names a public answer shows beside a centre. */
export interface DistrictPlace {
  districtId: number;
  districtName: string;
  stateId: number;
  stateName: string;
}

export interface GeographyImport {
  states: { state_id: number; state_name: string; districts: { district_id: number; district_name: string }[] }[];
}

export interface PincodeImport {
  districts: { district_id: number; pincodes: number[] }[];
}
