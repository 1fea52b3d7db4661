import { addDays, type IsoDate } from '../../core/calendar-date.js';
import type { DeterministicRandom } from '../../core/deterministic-random.js';
import type { DemoFamily } from './citizens.js';

/** A batch the demo centre received: enough for every demo dose given from it, and more. */
export interface DemoBatch {
  vaccine: string;
  batchNumber: string;
  expiresOn: IsoDate;
  quantity: number;
}

/** One thing that happened to the demo citizens, at the time it happened. */
export type DemoStep =
  | { at: Date; kind: 'login'; family: number }
  | { at: Date; kind: 'register'; family: number; member: number }
  | { at: Date; kind: 'receive'; batch: DemoBatch }
  | { at: Date; kind: 'book'; family: number; members: number[]; vaccine: string; dose: number; date: IsoDate }
  | { at: Date; kind: 'vaccinate'; family: number; member: number; dose: number; batchNumber: string };

/** Shelf life the demo gives a batch; batches used long ago show as expired in the centre's stock, as they would. */
const SHELF_LIFE_DAYS = 180;
const batchPrefixes: Record<string, string> = { COVISHIELD: '4121Z', COVAXIN: 'EB21', 'SPUTNIK V': 'SV', CORBEVAX: 'BE22', COVOVAX: 'CVX' };

const inIndia = (date: IsoDate, time: string, plusMinutes = 0) => new Date(Date.parse(`${date}T${time}:00+05:30`) + plusMinutes * 60_000);

/**
 * Everything in the order it happened, so that the audit log reads forwards in time: each family
 * logs in and registers a week before its first dose, batches arrive ten days before they are
 * first used, bookings are made three evenings before, and doses are given in the morning. The
 * seed day's appointment is booked the evening before, and its dose is left for a visitor to give.
 */
export function demoTimeline(families: readonly DemoFamily[], today: IsoDate, random: DeterministicRandom): DemoStep[] {
  const steps: DemoStep[] = [];
  const uses: { vaccine: string; date: IsoDate; use: (batchNumber: string) => void }[] = [];
  families.forEach((family, f) => {
    const days = family.members.flatMap((m) => m.doses.map((d) => d.date)).sort();
    const joined = addDays(days[0] ?? today, -7);
    steps.push({ at: inIndia(joined, '20:00'), kind: 'login', family: f });
    family.members.forEach((_, m) => steps.push({ at: inIndia(joined, '20:05', m * 3), kind: 'register', family: f, member: m }));

    // Members given the same dose of the same vaccine on the same day were booked together.
    const bookings = new Map<string, { members: number[]; vaccine: string; dose: number; date: IsoDate }>();
    family.members.forEach((member, m) => {
      const planned = [...member.doses, ...(member.bookedToday ? [member.bookedToday] : [])];
      for (const dose of planned) {
        const key = `${dose.date}/${dose.vaccine}/${dose.dose}`;
        const booking = bookings.get(key) ?? { members: [], vaccine: dose.vaccine, dose: dose.dose, date: dose.date };
        booking.members.push(m);
        bookings.set(key, booking);
      }
      member.doses.forEach((dose, i) => {
        const step = { at: inIndia(dose.date, '10:00', m * 7 + i), kind: 'vaccinate' as const, family: f, member: m, dose: dose.dose, batchNumber: '' };
        steps.push(step);
        uses.push({ vaccine: dose.vaccine, date: dose.date, use: (batchNumber) => (step.batchNumber = batchNumber) });
      });
      // The visitor who gives the seed day's dose needs a batch in stock that day.
      if (member.bookedToday) uses.push({ vaccine: member.bookedToday.vaccine, date: today, use: () => {} });
    });
    for (const booking of bookings.values()) {
      const at = booking.date === today ? inIndia(addDays(today, -1), '19:30') : inIndia(addDays(booking.date, -3), '19:30', f);
      steps.push({ at, kind: 'book', family: f, ...booking });
    }
  });
  steps.push(...receiveBatches(uses, random));
  // A stable sort keeps each family's own steps in the order they were listed when times are equal.
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A batch per vaccine for as long as it keeps; a dose after its expiry comes from a newer batch. */
function receiveBatches(uses: { vaccine: string; date: IsoDate; use: (batchNumber: string) => void }[], random: DeterministicRandom): DemoStep[] {
  const steps: DemoStep[] = [];
  const current = new Map<string, DemoBatch>();
  for (const use of [...uses].sort((a, b) => a.date.localeCompare(b.date) || a.vaccine.localeCompare(b.vaccine))) {
    let batch = current.get(use.vaccine);
    if (!batch || batch.expiresOn < use.date) {
      const received = addDays(use.date, -10);
      const prefix = batchPrefixes[use.vaccine] ?? 'DEMO';
      batch = { vaccine: use.vaccine, batchNumber: `${prefix}${random.integer(100, 999)}${steps.length}`, expiresOn: addDays(received, SHELF_LIFE_DAYS), quantity: 100 };
      current.set(use.vaccine, batch);
      steps.push({ at: inIndia(received, '11:00', steps.length), kind: 'receive', batch });
    }
    use.use(batch.batchNumber);
  }
  return steps;
}
