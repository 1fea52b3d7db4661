import type { CentreBody, CentreChanges, CentreView, Notice } from './planning-api.js';
import type { CappedFee } from './page-notes.js';

/** The centre form as typed: every field a string until it is sent. */
export interface CentreValues {
  centre_name: string;
  address: string;
  block_name: string;
  pincode: string;
  lat: string;
  long: string;
  opens_at: string;
  closes_at: string;
  ownership: 'Govt' | 'Private' | '';
  fee_type: 'Free' | 'Paid' | '';
  /** Vaccine names, in the catalogue's order. */
  offered: string[];
  /** Rupees per dose as typed, by vaccine; only sent at a Paid centre. */
  fees: Record<string, string>;
}

export type CentreField =
  | 'centre_name' | 'address' | 'district_id' | 'block_name' | 'pincode' | 'lat' | 'long' | 'opens_at' | 'closes_at' | 'ownership' | 'fee_type' | 'vaccines'
  | `fee:${string}`;

/** The checks made before sending, each a key of planning.centreForm.problems; the server checks the rest. */
export type CentreCheck =
  | 'nameMissing' | 'addressMissing' | 'blockMissing' | 'pincodeFormat' | 'latFormat' | 'longFormat' | 'opensMissing' | 'closesMissing'
  | 'ownershipMissing' | 'feeTypeMissing' | 'vaccinesMissing' | 'feeMissing';

export const emptyCentre: CentreValues = {
  centre_name: '', address: '', block_name: '', pincode: '', lat: '', long: '', opens_at: '', closes_at: '', ownership: '', fee_type: '', offered: [], fees: {},
};

export function valuesOf(centre: CentreView): CentreValues {
  return {
    centre_name: centre.centre_name, address: centre.address, block_name: centre.block_name, pincode: String(centre.pincode), lat: String(centre.lat),
    long: String(centre.long), opens_at: centre.opens_at.slice(0, 5), closes_at: centre.closes_at.slice(0, 5), ownership: centre.ownership,
    fee_type: centre.fee_type, offered: centre.vaccines.map((v) => v.vaccine),
    fees: Object.fromEntries(centre.vaccines.filter((v) => v.fee > 0).map((v) => [v.vaccine, String(v.fee)])),
  };
}

const decimal = /^-?\d{1,3}(\.\d{1,7})?$/;

export function checkCentre(values: CentreValues): Partial<Record<CentreField, CentreCheck>> {
  const found: Partial<Record<CentreField, CentreCheck>> = {};
  if (values.centre_name.trim() === '') found.centre_name = 'nameMissing';
  if (values.address.trim() === '') found.address = 'addressMissing';
  if (values.block_name.trim() === '') found.block_name = 'blockMissing';
  if (!/^[1-9]\d{5}$/.test(values.pincode.trim())) found.pincode = 'pincodeFormat';
  if (!decimal.test(values.lat.trim())) found.lat = 'latFormat';
  if (!decimal.test(values.long.trim())) found.long = 'longFormat';
  if (values.opens_at === '') found.opens_at = 'opensMissing';
  if (values.closes_at === '') found.closes_at = 'closesMissing';
  if (values.ownership === '') found.ownership = 'ownershipMissing';
  if (values.fee_type === '') found.fee_type = 'feeTypeMissing';
  if (values.offered.length === 0) found.vaccines = 'vaccinesMissing';
  if (values.fee_type === 'Paid') {
    for (const vaccine of values.offered) if (!/^\d{1,6}$/.test((values.fees[vaccine] ?? '').trim())) found[`fee:${vaccine}`] = 'feeMissing';
  }
  return found;
}

/** Only a Paid centre sends fees; the server wants none (or 0) at a Free one. */
export function offeredVaccines(values: CentreValues): CentreBody['vaccines'] {
  return values.offered.map((vaccine) => (values.fee_type === 'Paid' ? { vaccine, fee: Number((values.fees[vaccine] ?? '').trim()) } : { vaccine }));
}

export function bodyOf(values: CentreValues, districtId: number): CentreBody {
  return {
    centre_name: values.centre_name.trim(), address: values.address.trim(), district_id: districtId, block_name: values.block_name.trim(),
    pincode: Number(values.pincode.trim()), lat: Number(values.lat.trim()), long: Number(values.long.trim()), opens_at: values.opens_at,
    closes_at: values.closes_at, ownership: values.ownership as CentreBody['ownership'], fee_type: values.fee_type as CentreBody['fee_type'],
    vaccines: offeredVaccines(values),
  };
}

/**
 * What an edit changed, and nothing else: a centre administrator may not send the district or the
 * ownership at all, and an unchanged field needs no checking.
 */
export function changesOf(before: CentreView, values: CentreValues): CentreChanges {
  const next = bodyOf(values, before.district_id);
  const old = bodyOf(valuesOf(before), before.district_id);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof CentreBody)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(old[key])) changes[key] = next[key];
  }
  return changes as CentreChanges;
}

/** The form's field for a field the server named; `vaccines[1].fee` is the fee of the second vaccine sent. */
export function centreFieldOf(named: string, sent: CentreBody['vaccines']): CentreField | undefined {
  const indexed = /^vaccines\[(\d+)\]\.(vaccine|fee)$/.exec(named);
  if (indexed) {
    const vaccine = sent[Number(indexed[1])]?.vaccine;
    return indexed[2] === 'fee' && vaccine !== undefined ? `fee:${vaccine}` : 'vaccines';
  }
  const plain: readonly CentreField[] = ['centre_name', 'address', 'district_id', 'block_name', 'pincode', 'lat', 'long', 'opens_at', 'closes_at', 'ownership', 'fee_type', 'vaccines'];
  return plain.find((field) => field === named);
}

/** The server's notices about fees it lowered to the cap, as facts the page can say in its own words. */
export function cappedFees(notices: readonly Notice[], sent: CentreBody['vaccines'], saved: CentreView): CappedFee[] {
  return notices.flatMap((notice) => {
    const index = /^vaccines\[(\d+)\]\.fee$/.exec(notice.field)?.[1];
    const asked = index === undefined ? undefined : sent[Number(index)];
    const cap = saved.vaccines.find((v) => v.vaccine === asked?.vaccine)?.fee;
    return asked?.fee !== undefined && cap !== undefined ? [{ vaccine: asked.vaccine, asked: asked.fee, cap }] : [];
  });
}
