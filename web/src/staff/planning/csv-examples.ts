/**
 * The columns each upload takes (src/modules/planning/imports.ts, `centreColumns` and
 * `sessionColumns`; test/browser/staff-planning.test.ts keeps the two in step), and example rows,
 * so an administrator can start from a file the server accepts.
 */
export const csvColumns = {
  centres: ['centre_name', 'address', 'district_id', 'block_name', 'pincode', 'lat', 'long', 'opens_at', 'closes_at', 'ownership', 'fee_type', 'vaccines'],
  sessions: ['centre_id', 'date', 'vaccine', 'capacity_dose1', 'capacity_dose2', 'min_age_limit', 'max_age_limit', 'allow_all_age', 'slots', 'walk_in_capacity'],
} as const;

export const csvExampleRows = {
  centres: [
    'Urban PHC Colaba,"12, Colaba Causeway, Colaba",395,Colaba,400005,18.9067,72.8147,09:00,17:00,Govt,Free,COVISHIELD;COVAXIN',
    'Lifeline Hospital Andheri,"4, SV Road, Andheri West",395,Andheri,400058,19.1364,72.8296,10:00,18:00,Private,Paid,COVISHIELD:780;COVAXIN:1410',
  ],
  sessions: [
    '560001,2030-01-15,COVISHIELD,100,50,18,,,09:00AM-11:00AM;11:00AM-01:00PM,10',
    '560001,2030-01-15,COVAXIN,60,40,15,17,,09:00AM-11:00AM,',
  ],
} as const;

export type CsvKind = keyof typeof csvColumns;

export const headerLine = (kind: CsvKind) => csvColumns[kind].join(',');

/** The example file: the header line and the example rows, to download and fill in. */
export function exampleFile(kind: CsvKind): string {
  return [headerLine(kind), ...csvExampleRows[kind]].join('\r\n') + '\r\n';
}
