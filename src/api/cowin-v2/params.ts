import { parseCowinDate, type IsoDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';

/**
 * Co-WIN's parameter rules and error codes. The messages add the parameter's name, which Co-WIN
 * left out; clients match on errorCode, so the extra words break nobody.
 */

export const missingParameter = (name: string) =>
  new AppError('USRRES0001', 400, `Input parameter missing: ${name}`, name);

export const invalidPincode = () =>
  new AppError('APPOIN0018', 400, 'Invalid Pincode: a PIN code is 6 digits and does not start with 0', 'pincode');

function required(value: string | undefined, name: string): string {
  const trimmed = value?.trim();
  if (!trimmed) throw missingParameter(name);
  return trimmed;
}

export function readPincode(value: string | undefined): number {
  const text = required(value, 'pincode');
  if (!/^[1-9]\d{5}$/.test(text)) throw invalidPincode();
  return Number(text);
}

export function readDate(value: string | undefined): IsoDate {
  const date = parseCowinDate(required(value, 'date'));
  if (!date) throw new AppError('INVALID_DATE', 400, 'Invalid date: write it as DD-MM-YYYY, for example 31-03-2021', 'date');
  return date;
}

/** Ids are positive integers; anything else is a malformed request, not an unknown id. */
export function readId(value: string | undefined, name: string): number {
  const text = required(value, name);
  if (!/^\d{1,9}$/.test(text)) throw new AppError('INVALID_INPUT', 400, `${name} must be a whole number`, name);
  return Number(text);
}

export function readCoordinate(value: string | undefined, name: 'lat' | 'long'): number {
  const text = required(value, name);
  const number = Number(text);
  const [min, max] = name === 'lat' ? [-90, 90] : [-180, 180];
  if (!/^-?\d+(\.\d+)?$/.test(text) || number < min || number > max) {
    throw new AppError('INVALID_INPUT', 400, `${name} must be a number from ${min} to ${max}, in decimal degrees`, name);
  }
  return number;
}

/** An empty `vaccine=` is the same as none. */
export function readVaccine(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.toUpperCase() : undefined;
}
