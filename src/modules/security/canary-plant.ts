import { randomInt, randomUUID } from 'node:crypto';
import { addDays, todayInIndia } from '../../core/calendar-date.js';
import type { Services } from '../../services.js';
import type { Actor } from '../access/schema.js';
import type { Member } from '../beneficiaries/service.js';
import { verhoeffCheckDigit } from '../beneficiaries/verhoeff.js';

type PlantServices = Pick<Services, 'db' | 'clock' | 'identity' | 'beneficiaries' | 'availability' | 'booking' | 'security'>;

export interface PlantOptions {
  count: number;
  /** Where their (cancelled) bookings were; without it they never booked. */
  districtId?: number | undefined;
}

export interface PlantReport {
  accounts: number;
  people: number;
  cancelledBookings: number;
}

const AADHAAR = 1;
const PAN = 6;

const givenNames = {
  1: ['Amit', 'Rahul', 'Suresh', 'Vikram', 'Anil', 'Manoj', 'Sanjay', 'Deepak', 'Rakesh', 'Arun', 'Prakash', 'Naveen', 'Imran', 'Joseph', 'Harish', 'Gopal'],
  2: ['Priya', 'Anita', 'Sunita', 'Kavita', 'Neha', 'Pooja', 'Lakshmi', 'Rekha', 'Shabana', 'Meera', 'Divya', 'Geeta', 'Farida', 'Mary', 'Asha', 'Usha'],
} as const;
const familyNames = ['Sharma', 'Verma', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Yadav', 'Khan', 'Das', 'Iyer', 'Joshi', 'Kumar', 'Mishra', 'Pillai', 'Chauhan', 'Menon', 'Rao', 'Bose', 'Thomas'];

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;
const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');
const letters = (count: number, from = 'ABCDEFGHJKLMNPRSTUVWXYZ') => Array.from({ length: count }, () => from[randomInt(from.length)]).join('');

/** Numbers that pass the same checks as everyone's: UIDAI's leading digit and Verhoeff check digit, PAN's holder letter and surname initial. */
function photoId(type: number, familyName: string): string {
  if (type === AADHAAR) {
    const base = `${randomInt(2, 10)}${digits(10)}`;
    return `${base}${verhoeffCheckDigit(base)}`;
  }
  return `${letters(3)}P${familyName.charAt(0)}${digits(4)}${letters(1)}`;
}

/** A mobile of the shape everyone's has; it reaches no one (createUnreachableAccount), and nothing is ever sent to it. */
const mobile = () => `${randomInt(6, 10)}${digits(9)}`;

/**
 * `teeka canary plant` (decision 0015): synthetic citizens made through the same services,
 * tables and encryption as real ones, with plausible names, valid ID numbers and ordinary
 * reference ids. With `districtId`, each books at a centre there and cancels, as many real
 * people do, so they have a place (and no live appointment: a canary must never appear on a
 * roster, or an honest vaccinator would trip it). Only their keyed MACs say they are canaries.
 * The caller's services must have an SMS gateway that sends nothing: booking texts its codes.
 */
export async function plantCanaries(services: PlantServices, options: PlantOptions): Promise<PlantReport> {
  const report: PlantReport = { accounts: 0, people: 0, cancelledBookings: 0 };
  const sessions = options.districtId === undefined ? [] : await bookableSessions(services, options.districtId);
  for (let i = 0; i < options.count; i += 1) {
    const familyName = pick(familyNames);
    const { accountId, members } = await services.db.transaction().execute(async (trx) => {
      const id = await services.identity.createUnreachableAccount(trx, mobile());
      // Made by themselves, as every citizen's members are: the actor of their registration is their own account.
      const owner: Actor & { kind: 'citizen' } = { kind: 'citizen', accountId: id, sessionId: randomUUID() };
      const made: Member[] = [];
      const currentYear = Number(todayInIndia(services.clock.now()).slice(0, 4));
      const familySize = randomInt(1, 4);
      for (let m = 0; m < familySize; m += 1) {
        const gender = randomInt(1, 3) as 1 | 2;
        const photoIdType = randomInt(3) === 0 ? PAN : AADHAAR;
        const valid = services.beneficiaries.validateNewMember({
          name: `${pick(givenNames[gender])} ${familyName}`, birth_year: currentYear - randomInt(25, 66), gender_id: gender,
          photo_id_type: photoIdType, photo_id_number: photoId(photoIdType, familyName), comorbidity_ind: randomInt(5) === 0 ? 'Y' : 'N', consent_version: 'V1',
        });
        made.push(await services.beneficiaries.insertMember(trx, owner, id, valid, 'unreachable'));
      }
      return { accountId: id, members: made };
    });
    try {
      if (sessions.length > 0) report.cancelledBookings += await bookAndCancel(services, accountId, members, pick(sessions));
    } finally {
      // Marked even if the booking failed: an unmarked synthetic person would be a fake record no alarm watches.
      await services.db.transaction().execute((trx) => services.security.markCanaries(trx, [accountId, ...members.map((m) => m.id)]));
    }
    report.accounts += 1;
    report.people += members.length;
  }
  return report;
}

async function bookableSessions(services: PlantServices, districtId: number) {
  const from = addDays(todayInIndia(services.clock.now()), 1);
  const centres = await services.availability.inDistrict(districtId, { from, days: 7 });
  return centres.flatMap((c) => c.sessions)
    .filter((s) => s.minAgeLimit <= 25 && s.maxAgeLimit === null && s.availableDose1 >= 4 && s.slots.length > 0);
}

/** Books dose 1 for the family at a session there, then cancels it: a history, never a roster entry. */
async function bookAndCancel(services: PlantServices, accountId: string, members: Member[], session: { id: string; slots: string[] }): Promise<number> {
  const owner: Actor & { kind: 'citizen' } = { kind: 'citizen', accountId, sessionId: randomUUID() };
  const booked = await services.booking.schedule(owner, { sessionId: session.id, slot: pick(session.slots), referenceIds: members.map((m) => m.referenceId), dose: 1 });
  await services.booking.cancel(owner, booked.bookingId, []);
  return 1;
}
