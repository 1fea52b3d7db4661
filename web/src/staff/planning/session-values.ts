import type { SessionBody, SessionChanges, SessionView, VaccineView } from './planning-api.js';

/** The session form as typed. `ages` is one of the vaccine's age rules, "min:max" ("18:" for no upper limit). */
export interface SessionValues {
  date: string;
  vaccine: string;
  ages: string;
  capacity_dose1: string;
  capacity_dose2: string;
  walk_in_capacity: string;
  /** One Co-WIN slot per line, e.g. 09:00AM-11:00AM. */
  slots: string;
}

export type SessionField = 'date' | 'vaccine' | 'ages' | 'capacity_dose1' | 'capacity_dose2' | 'walk_in_capacity' | 'slots';

/** The checks made before sending, each a key of planning.sessionForm.problems; the server checks the rest. */
export type SessionCheck = 'dateMissing' | 'vaccineMissing' | 'agesMissing' | 'capacityFormat' | 'slotsMissing';

export const agesKey = (min: number, max: number | null) => `${min}:${max ?? ''}`;

function agesOf(key: string): { min: number; max: number | null } {
  const [min, max] = key.split(':');
  return { min: Number(min), max: max ? Number(max) : null };
}

function clockLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${String(twelve).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}${hours < 12 ? 'AM' : 'PM'}`;
}

/**
 * Two-hour slots covering the centre's opening hours ("09:00:00" to "17:00:00" gives four), the
 * last one shorter where the hours do not divide: a start the administrator can edit.
 */
export function suggestedSlots(opensAt: string, closesAt: string): string[] {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  const close = minutes(closesAt);
  const slots: string[] = [];
  for (let start = minutes(opensAt); start < close && slots.length < 12; start += 120) {
    slots.push(`${clockLabel(start)}-${clockLabel(Math.min(start + 120, close))}`);
  }
  return slots;
}

export function valuesOfSession(session: SessionView): SessionValues {
  return {
    date: session.date, vaccine: session.vaccine, ages: agesKey(session.min_age_limit, session.max_age_limit),
    capacity_dose1: String(session.capacity_dose1), capacity_dose2: String(session.capacity_dose2),
    walk_in_capacity: String(session.walk_in_capacity), slots: session.slots.join('\n'),
  };
}

export function checkSession(values: SessionValues): Partial<Record<SessionField, SessionCheck>> {
  const found: Partial<Record<SessionField, SessionCheck>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) found.date = 'dateMissing';
  if (values.vaccine === '') found.vaccine = 'vaccineMissing';
  if (values.ages === '') found.ages = 'agesMissing';
  for (const field of ['capacity_dose1', 'capacity_dose2', 'walk_in_capacity'] as const) {
    if (!/^\d{1,5}$/.test(values[field].trim())) found[field] = 'capacityFormat';
  }
  if (slotsOf(values).length === 0) found.slots = 'slotsMissing';
  return found;
}

const slotsOf = (values: SessionValues) => values.slots.split(/[\n;,]+/).map((slot) => slot.trim()).filter((slot) => slot !== '');

export function sessionBodyOf(values: SessionValues): SessionBody {
  const ages = agesOf(values.ages);
  return {
    date: values.date, vaccine: values.vaccine, min_age_limit: ages.min, max_age_limit: ages.max,
    capacity_dose1: Number(values.capacity_dose1.trim()), capacity_dose2: Number(values.capacity_dose2.trim()),
    walk_in_capacity: Number(values.walk_in_capacity.trim()), slots: slotsOf(values),
  };
}

/** What an edit changed: once people have booked, sending an unchanged day or vaccine would still be checked. */
export function sessionChangesOf(before: SessionView, values: SessionValues): SessionChanges {
  const next = sessionBodyOf(values);
  const old = sessionBodyOf(valuesOfSession(before));
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof SessionBody)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(old[key])) changes[key] = next[key];
  }
  // The age rule is one choice: its two limits travel together.
  if ('min_age_limit' in changes || 'max_age_limit' in changes) Object.assign(changes, { min_age_limit: next.min_age_limit, max_age_limit: next.max_age_limit });
  return changes as SessionChanges;
}

export function sessionFieldOf(named: string): SessionField | undefined {
  if (named === 'min_age_limit' || named === 'max_age_limit' || named === 'allow_all_age') return 'ages';
  if (named === 'slots' || /^slots\[\d+\]$/.test(named)) return 'slots';
  const plain: readonly SessionField[] = ['date', 'vaccine', 'capacity_dose1', 'capacity_dose2', 'walk_in_capacity'];
  return plain.find((field) => field === named);
}

/** The vaccines a session at this centre may give: the centre's own, or (for a centre listing none) the catalogue. */
export function vaccinesForCentre(catalogue: readonly VaccineView[], offered: readonly { vaccine: string }[]): VaccineView[] {
  const names = offered.map((v) => v.vaccine);
  return names.length === 0 ? [...catalogue] : catalogue.filter((v) => names.includes(v.vaccine));
}
