import type { FieldProblem } from './field-problems.js';

/*
 * Co-WIN's slot strings ("09:00AM-11:00AM") and opening hours ("09:00:00"). Booking compares slot
 * strings exactly, so they are stored in this one canonical form.
 */

const slotPattern = /^(0[1-9]|1[0-2]):([0-5]\d)(AM|PM)-(0[1-9]|1[0-2]):([0-5]\d)(AM|PM)$/;
const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

function minutesOf12(hour: string, minute: string, half: string): number {
  return ((Number(hour) % 12) + (half === 'PM' ? 12 : 0)) * 60 + Number(minute);
}

/** "HH:MM" or "HH:MM:SS" (24-hour) as "HH:MM:SS", or undefined. */
export function parseClock(text: string): string | undefined {
  const match = clockPattern.exec(text.trim());
  return match ? `${match[1]}:${match[2]}:${match[3] ?? '00'}` : undefined;
}

function minutesOfClock(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function label(minutes: number): string {
  const hours24 = Math.floor(minutes / 60);
  const hours12 = hours24 % 12 === 0 ? 12 : hours24 % 12;
  return `${String(hours12).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}${hours24 < 12 ? 'AM' : 'PM'}`;
}

/**
 * Canonical slots, or the problems with them: each must be a Co-WIN slot string, end after it starts,
 * lie inside the centre's opening hours, and come after the one before without overlapping it.
 */
export function checkSlots(slots: readonly string[], hours: { opensAt: string; closesAt: string }): { slots: string[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (slots.length < 1 || slots.length > 12) problems.push({ field: 'slots', error: 'slots must list 1 to 12 time slots, e.g. 09:00AM-11:00AM' });
  const open = minutesOfClock(hours.opensAt);
  const close = minutesOfClock(hours.closesAt);
  const canonical: string[] = [];
  let previousEnd = -1;
  slots.forEach((text, i) => {
    const field = `slots[${i}]`;
    const match = slotPattern.exec(text.trim().toUpperCase());
    if (!match) {
      problems.push({ field, error: `${field} "${text}" must look like 09:00AM-11:00AM` });
      return;
    }
    const start = minutesOf12(match[1]!, match[2]!, match[3]!);
    const end = minutesOf12(match[4]!, match[5]!, match[6]!);
    canonical.push(`${label(start)}-${label(end)}`);
    if (end <= start) problems.push({ field, error: `${field} must end after it starts` });
    else if (start < open || end > close) problems.push({ field, error: `${field} must lie inside the centre's opening hours, ${label(open)} to ${label(close)}` });
    else if (start < previousEnd) problems.push({ field, error: `${field} must start at or after the end of the slot before it` });
    previousEnd = Math.max(previousEnd, end);
  });
  return { slots: canonical, problems };
}
