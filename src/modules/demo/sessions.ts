import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../core/calendar-date.js';
import type { DeterministicRandom } from '../../core/deterministic-random.js';
import type { NewSession } from '../appointments/schema.js';
import { vaccines } from '../vaccination/vaccines.js';
import type { DemoCentre } from './centres.js';

function clockLabel(minutes: number): string {
  const hours24 = Math.floor(minutes / 60);
  const hours12 = hours24 % 12 === 0 ? 12 : hours24 % 12;
  const suffix = hours24 < 12 ? 'AM' : 'PM';
  return `${String(hours12).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}${suffix}`;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Slot strings in Co-WIN's form: three one-hour slots from opening, then one to closing, as the
 * real "09:30AM-10:30AM" … "12:30PM-04:00PM" capture shows.
 */
export function slotsFor(opensAt: string, closesAt: string): string[] {
  const open = minutesOf(opensAt);
  const close = minutesOf(closesAt);
  const bounds = [open, open + 60, open + 120, open + 180].filter((m) => m < close);
  bounds.push(close);
  const slots: string[] = [];
  for (let i = 1; i < bounds.length; i += 1) slots.push(`${clockLabel(bounds[i - 1]!)}-${clockLabel(bounds[i]!)}`);
  return slots;
}

/**
 * Doses a demo session keeps for people who come without booking: a tenth of its online dose-1
 * places, and at least 2, so walk-in registration works in the demo even where online booking is full.
 */
export function walkInShareOf(capacityDose1: number): number {
  return Math.max(2, Math.round(capacityDose1 / 10));
}

/** One day's demo sessions at one centre: at most one per vaccine it offers, fewer on Sundays. */
export function generateSessions(centre: DemoCentre, date: IsoDate, random: DeterministicRandom): NewSession[] {
  const isSunday = new Date(`${date}T00:00:00Z`).getUTCDay() === 0;
  const day = random.fork(`${centre.id}/${date}`);
  const sessions: NewSession[] = [];
  for (const name of centre.vaccines) {
    if (!day.chance(isSunday ? 0.4 : 0.85)) continue;
    const vaccine = vaccines.find((v) => v.name === name)!;
    // A centre keeps one age rule per vaccine for the whole fortnight, as real centres planned.
    const ageGroup = random.fork(`${centre.id}/${name}/age`).pick(vaccine.ageGroups);
    const bookedOut = day.chance(0.12);
    const capacityDose1 = bookedOut ? 0 : day.integer(0, 120);
    sessions.push({
      id: randomUUID(),
      facilityId: centre.id,
      date,
      vaccine: name,
      minAgeLimit: ageGroup.minAge,
      maxAgeLimit: ageGroup.maxAge,
      allowAllAge: ageGroup.allowAllAge,
      capacityDose1,
      capacityDose2: bookedOut ? 0 : day.integer(0, 80),
      walkInCapacity: walkInShareOf(capacityDose1),
      slots: slotsFor(centre.opensAt, centre.closesAt),
    });
  }
  return sessions;
}
