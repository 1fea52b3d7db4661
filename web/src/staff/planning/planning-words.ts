import type { TFunction } from 'i18next';
import type { CentreView } from './planning-api.js';

type StaffT = TFunction<'staff'>;

/** A centre, district or state id from the address, or undefined for anything that cannot be one. */
export const idOf = (text: string | undefined) => (text && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

/** "09:00–17:00" from the server's "09:00:00" and "17:00:00". */
export function hoursText(centre: Pick<CentreView, 'opens_at' | 'closes_at'>): string {
  return `${centre.opens_at.slice(0, 5)}–${centre.closes_at.slice(0, 5)}`;
}

/** "COVISHIELD ₹780, COVAXIN ₹1410" at a Paid centre; the names alone at a Free one. */
export function vaccinesText(t: StaffT, centre: Pick<CentreView, 'fee_type' | 'vaccines'>): string {
  if (centre.vaccines.length === 0) return t('planning.centre.noVaccines');
  return centre.vaccines.map((v) => (centre.fee_type === 'Paid' ? `${v.vaccine} ₹${v.fee}` : v.vaccine)).join(', ');
}

/** An age rule as people say it: "18 and above", "15 to 17". */
export function agesText(t: StaffT, ages: { min: number; max: number | null }): string {
  return ages.max === null ? t('planning.ages.from', { min: ages.min }) : t('planning.ages.range', { min: ages.min, max: ages.max });
}
