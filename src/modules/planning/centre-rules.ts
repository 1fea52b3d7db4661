import type { Facility, VaccineFee } from '../facilities/schema.js';
import type { VaccineLookup } from '../vaccination/vaccines.js';
import type { FieldProblem } from './field-problems.js';
import type { CentreBody, Notice } from './schema.js';
import { parseClock } from './slots.js';

/** A centre as planning stores it, checked and normalised: the public facility plus who runs it. */
export interface CentreDraft extends Omit<Facility, 'id' | 'fees'> {
  ownership: 'Govt' | 'Private';
  /** Vaccines offered, with the fee per dose (0 at a Free centre). */
  vaccines: VaccineFee[];
}

export interface CentreContext {
  catalogue: VaccineLookup;
  district: { name: string; pincodes: readonly number[] };
}

const isInteger = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function text(value: unknown, field: string, min: number, max: number, what: string, problems: FieldProblem[]): string {
  const trimmed = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (trimmed.length < min || trimmed.length > max) problems.push({ field, error: `${field} must be ${what}, ${min} to ${max} characters` });
  return trimmed;
}

/**
 * Checks a whole centre (a new one, or an existing one with changes applied) by the rules every
 * route and the CSV import share. A Paid fee above the vaccine's national cap is not an error: as
 * Co-WIN did, it is set to the cap and a notice says so.
 */
export function checkCentre(input: CentreBody, context: CentreContext): { draft: CentreDraft; problems: FieldProblem[]; notices: Notice[] } {
  const problems: FieldProblem[] = [];
  const notices: Notice[] = [];
  const name = text(input.centre_name, 'centre_name', 3, 120, 'the centre\'s name', problems);
  const address = text(input.address, 'address', 5, 300, 'the street address', problems);
  const blockName = text(input.block_name, 'block_name', 2, 80, 'the block (tehsil or ward) name', problems);

  const pincode = input.pincode;
  if (!isInteger(pincode) || pincode < 110000 || pincode > 999999) {
    problems.push({ field: 'pincode', error: 'pincode must be a 6-digit PIN code' });
  } else if (context.district.pincodes.length > 0 && !context.district.pincodes.includes(pincode)) {
    problems.push({ field: 'pincode', error: `pincode ${pincode} is not a PIN code of ${context.district.name.trim()}; check the PIN code or the district` });
  }
  // India's bounding box, as the Co-WIN spec states it and the facility table checks.
  if (!isNumber(input.lat) || input.lat < 6.5 || input.lat > 37.5) problems.push({ field: 'lat', error: 'lat must be a latitude inside India, 6.5 to 37.5' });
  if (!isNumber(input.long) || input.long < 68 || input.long > 97.5) problems.push({ field: 'long', error: 'long must be a longitude inside India, 68 to 97.5' });

  const opensAt = parseClock(String(input.opens_at ?? ''));
  const closesAt = parseClock(String(input.closes_at ?? ''));
  if (!opensAt) problems.push({ field: 'opens_at', error: 'opens_at must be a 24-hour time, HH:MM, e.g. 09:00' });
  if (!closesAt) problems.push({ field: 'closes_at', error: 'closes_at must be a 24-hour time, HH:MM, e.g. 17:00' });
  else if (opensAt && closesAt <= opensAt) problems.push({ field: 'closes_at', error: 'closes_at must be later than opens_at' });

  const ownership = input.ownership;
  if (ownership !== 'Govt' && ownership !== 'Private') problems.push({ field: 'ownership', error: 'ownership must be Govt or Private' });
  const feeType = input.fee_type;
  if (feeType !== 'Free' && feeType !== 'Paid') problems.push({ field: 'fee_type', error: 'fee_type must be Free or Paid' });
  else if (ownership === 'Govt' && feeType === 'Paid') {
    problems.push({ field: 'fee_type', error: 'fee_type must be Free at a government centre (vaccination there is free since 21 June 2021); choose Free, or ownership Private' });
  }

  const offered = Array.isArray(input.vaccines) ? input.vaccines : [];
  if (offered.length < 1 || offered.length > 10) problems.push({ field: 'vaccines', error: 'vaccines must list 1 to 10 vaccines the centre gives' });
  const vaccines: CentreDraft['vaccines'] = [];
  offered.forEach((item, i) => {
    const vaccine = context.catalogue.byName(String(item.vaccine ?? ''));
    if (!vaccine) {
      problems.push({ field: `vaccines[${i}].vaccine`, error: `vaccines[${i}].vaccine must be one of ${context.catalogue.list().map((v) => v.name).join(', ')}` });
      return;
    }
    if (vaccines.some((v) => v.vaccine === vaccine.name)) {
      problems.push({ field: `vaccines[${i}].vaccine`, error: `vaccines[${i}].vaccine lists ${vaccine.name} a second time` });
      return;
    }
    const field = `vaccines[${i}].fee`;
    let fee = item.fee ?? 0;
    if (feeType === 'Paid') {
      if (!isInteger(item.fee) || item.fee < 1) {
        problems.push({ field, error: `${field} must be the fee in rupees for ${vaccine.name} at a Paid centre (a whole number from 1)` });
      } else if (item.fee > vaccine.privatePriceRupees) {
        notices.push({ field, notice: `${vaccine.name} costs at most ₹${vaccine.privatePriceRupees} a dose at private centres; the fee of ₹${item.fee} was set to ₹${vaccine.privatePriceRupees}.` });
        fee = vaccine.privatePriceRupees;
      }
    } else if (fee !== 0) {
      problems.push({ field, error: `${field} must be 0 or left out at a Free centre; choose fee_type Paid to charge` });
    }
    vaccines.push({ vaccine: vaccine.name, fee });
  });

  return {
    draft: {
      name, address, districtId: input.district_id, blockName, pincode, lat: input.lat, long: input.long,
      opensAt: opensAt ?? '', closesAt: closesAt ?? '', ownership, feeType, vaccines,
    },
    problems,
    notices,
  };
}
