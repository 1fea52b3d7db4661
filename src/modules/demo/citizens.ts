import { addDays, type IsoDate } from '../../core/calendar-date.js';
import { DeterministicRandom } from '../../core/deterministic-random.js';
import { verhoeffCheckDigit } from '../beneficiaries/verhoeff.js';

/**
 * The demo citizens: four accounts, eight people, doses of five vaccines, every kind of
 * certificate, and one appointment booked for the seed day at the demo vaccinator's centre. Dates
 * count back from the seed day and respect the founding catalogue's intervals (dose 2 after 21-84
 * days, the precaution dose 182 days after dose 2), with room to spare; the newest certificate of
 * each person is under a year old, so it still verifies.
 */

/** Mobiles of the form 90000 0000x: valid (they start with 9) and plainly not anyone's. */
export const DEMO_MOBILES = ['9000000001', '9000000002', '9000000003', '9000000004'] as const;

const AADHAAR = 1;
const PAN = 6;
const PASSPORT = 8;

interface MemberSketch {
  name: string;
  /** This year minus the year of birth, as Co-WIN counted age. */
  age: number;
  genderId: 1 | 2 | 3;
  photoIdType: typeof AADHAAR | typeof PAN | typeof PASSPORT;
  /** Days before the seed day of dose 1, dose 2 and the precaution dose, as many as were given. */
  doses: { vaccine: string; daysAgo: number }[];
  /** Dose 1 long enough ago, and dose 2 booked for the seed day with the vaccine of that day's session. */
  dueToday?: true;
}

const families: MemberSketch[][] = [
  [
    { name: 'Rajesh Sharma', age: 58, genderId: 1, photoIdType: PAN, doses: [{ vaccine: 'COVISHIELD', daysAgo: 340 }, { vaccine: 'COVISHIELD', daysAgo: 250 }, { vaccine: 'COVISHIELD', daysAgo: 60 }] },
    { name: 'सुनीता शर्मा', age: 54, genderId: 2, photoIdType: AADHAAR, doses: [{ vaccine: 'COVISHIELD', daysAgo: 340 }, { vaccine: 'COVISHIELD', daysAgo: 250 }] },
    { name: 'Aarav Sharma', age: 13, genderId: 1, photoIdType: AADHAAR, doses: [{ vaccine: 'CORBEVAX', daysAgo: 45 }] },
  ],
  [
    { name: 'Venkatesh Iyer', age: 70, genderId: 1, photoIdType: AADHAAR, doses: [], dueToday: true },
    { name: 'Meenakshi Iyer', age: 66, genderId: 2, photoIdType: PASSPORT, doses: [{ vaccine: 'COVAXIN', daysAgo: 230 }, { vaccine: 'COVAXIN', daysAgo: 195 }] },
  ],
  [
    { name: 'Gurpreet Kaur', age: 46, genderId: 2, photoIdType: AADHAAR, doses: [{ vaccine: 'SPUTNIK V', daysAgo: 110 }, { vaccine: 'SPUTNIK V', daysAgo: 80 }] },
    { name: 'Harjeet Singh', age: 50, genderId: 1, photoIdType: PAN, doses: [{ vaccine: 'COVOVAX', daysAgo: 30 }] },
  ],
  [
    { name: 'प्रिया वर्मा', age: 29, genderId: 2, photoIdType: AADHAAR, doses: [{ vaccine: 'CORBEVAX', daysAgo: 150 }, { vaccine: 'CORBEVAX', daysAgo: 120 }] },
  ],
];

export interface DemoDose {
  dose: number;
  vaccine: string;
  date: IsoDate;
}

export interface DemoMember {
  name: string;
  birthYear: number;
  genderId: number;
  photoIdType: number;
  photoIdNumber: string;
  doses: DemoDose[];
  /** The dose booked for the seed day, if any. */
  bookedToday?: DemoDose;
}

export interface DemoFamily {
  mobile: string;
  members: DemoMember[];
}

/** The vaccine of the seed day's session at the demo centre, which the one appointment of that day takes. */
export interface TodaysVaccine {
  name: string;
  dose2AfterDays: number;
}

/** The demo families with their ID numbers (valid, from the seed) and the dates of their doses. */
export function planDemoFamilies(seed: string, today: IsoDate, todaysVaccine: TodaysVaccine): DemoFamily[] {
  const random = new DeterministicRandom(seed).fork('citizens');
  const year = Number(today.slice(0, 4));
  return families.map((sketches, f) => ({
    mobile: DEMO_MOBILES[f]!,
    members: sketches.map((sketch) => {
      const doses = sketch.doses.map((d, i) => ({ dose: i + 1, vaccine: d.vaccine, date: addDays(today, -d.daysAgo) }));
      const member: DemoMember = {
        name: sketch.name, birthYear: year - sketch.age, genderId: sketch.genderId, photoIdType: sketch.photoIdType,
        photoIdNumber: photoIdNumber(sketch.photoIdType, sketch.name, random), doses,
      };
      if (sketch.dueToday) {
        doses.push({ dose: 1, vaccine: todaysVaccine.name, date: addDays(today, -(todaysVaccine.dose2AfterDays + 14)) });
        member.bookedToday = { dose: 2, vaccine: todaysVaccine.name, date: today };
      }
      return member;
    }),
  }));
}

/** How old the person booked for the seed day is this year, to find a session they may take. */
export function ageOfPersonDueToday(): number {
  return families.flat().find((m) => m.dueToday)!.age;
}

function photoIdNumber(type: number, name: string, random: DeterministicRandom): string {
  const digits = (count: number) => Array.from({ length: count }, () => random.integer(0, 9)).join('');
  const letter = (from = 'ABCDEFGHJKLMNPRSTUVWY') => random.pick([...from]);
  if (type === AADHAAR) {
    // UIDAI numbers start with 2-9 and end in a Verhoeff check digit.
    const base = `${random.integer(2, 9)}${digits(10)}`;
    return `${base}${verhoeffCheckDigit(base)}`;
  }
  if (type === PAN) {
    // The 4th letter P marks a person; the 5th is the initial of the surname (the PAN holders here have Latin names).
    const initial = name.split(' ').at(-1)!.charAt(0).toUpperCase();
    return `${letter()}${letter()}${letter()}P${/^[A-Z]$/.test(initial) ? initial : letter()}${digits(4)}${letter()}`;
  }
  // Indian passports: a series letter other than Q, X or Z, then 7 digits.
  return `${letter('JKLMNPRSTUVW')}${digits(7)}`;
}
