import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { addDays, todayInIndia, type IsoDate } from '../../src/core/calendar-date.js';
import type { AccountTable, AppointmentTable, BeneficiaryTable } from '../../src/core/db-tables.js';
import { DeterministicRandom } from '../../src/core/deterministic-random.js';
import { maskPhotoId } from '../../src/modules/beneficiaries/id-documents.js';
import { lastFourDigits } from '../../src/modules/beneficiaries/mobile.js';
import { verhoeffCheckDigit } from '../../src/modules/beneficiaries/verhoeff.js';
import { certificateKindFor } from '../../src/modules/certificates/service.js';
import { uvciCheckCharacter, uvciOpaqueLength } from '../../src/modules/certificates/formats/uvci.js';
import type { Services } from '../../src/services.js';

/**
 * The red team's population: 10,000 people in families of one to four, stored exactly as the real
 * registration path stores them (names, ID numbers and mobiles encrypted by the app's FieldCipher
 * under the same column contexts, the same blind indexes, masks and reference-id format), but
 * inserted a thousand rows at a time instead of through 10,000 OTP logins. Bookings and
 * certificates are written the way the booking and dose-recording services write them.
 *
 * Everything an attacker could guess comes from a seeded DeterministicRandom, so the attack plays
 * out the same on every run: reference ids, security codes and UVCIs have the real formats and
 * spread, but not the CSPRNG the app draws them from.
 */

export interface Person {
  accountId: string;
  beneficiaryId: string;
  referenceId: string;
  mobile: string;
  name: string;
  photoIdNumber: string;
  birthYear: number;
  genderId: number;
}

export interface Appointment {
  id: string;
  bookingId: string;
  person: Person;
  sessionId: string;
  facilityId: number;
  date: IsoDate;
  securityCode: string;
}

export interface Population {
  people: Person[];
  /** Booked today at the attacked centre: its roster. */
  roster: Appointment[];
  /** Booked elsewhere or on later days. */
  otherAppointments: Appointment[];
  /** People with a certificate, by UVCI. */
  certificates: { uvci: string; person: Person }[];
  attackedCentre: { facilityId: number; sessionId: string; date: IsoDate };
}

const FIRST_NAMES = [
  'Aarav', 'Abhay', 'Aditi', 'Ajay', 'Akash', 'Alka', 'Amit', 'Anand', 'Anil', 'Anita', 'Anjali', 'Ankit', 'Anupama', 'Arjun', 'Arti',
  'Ashok', 'Bharat', 'Bhavna', 'Chetan', 'Deepa', 'Deepak', 'Devika', 'Dinesh', 'Divya', 'Farhan', 'Gaurav', 'Geeta', 'Gopal', 'Harish',
  'Hema', 'Imran', 'Indira', 'Jaya', 'Jitendra', 'Kavita', 'Kiran', 'Kishore', 'Lakshmi', 'Lalit', 'Madhu', 'Mahesh', 'Manoj', 'Meena',
  'Mohan', 'Mukesh', 'Nandini', 'Naresh', 'Neha', 'Nikhil', 'Nirmala', 'Pallavi', 'Pankaj', 'Parveen', 'Pooja', 'Pradeep', 'Prakash',
  'Preeti', 'Rahul', 'Rajesh', 'Rakesh', 'Ramesh', 'Rekha', 'Ritu', 'Rohit', 'Sachin', 'Sadhana', 'Salim', 'Sandeep', 'Sangeeta', 'Sanjay',
  'Sarita', 'Seema', 'Shabana', 'Shankar', 'Sharda', 'Shilpa', 'Shweta', 'Smita', 'Sonal', 'Sudha', 'Sunil', 'Suresh', 'Swati', 'Tanvi',
  'Tarun', 'Uma', 'Usha', 'Varun', 'Vasanthi', 'Vijay', 'Vikram', 'Vimala', 'Vinod', 'Vishal', 'Yamini', 'Yash', 'Zainab', 'Zubair',
  'Kamlesh', 'Latika',
];
const SURNAMES = [
  'Acharya', 'Agarwal', 'Ahmed', 'Ansari', 'Bajaj', 'Banerjee', 'Basu', 'Bhat', 'Bhatt', 'Bose', 'Chakraborty', 'Chandra', 'Chauhan',
  'Chopra', 'Das', 'Desai', 'Deshmukh', 'Dubey', 'Dutta', 'Fernandes', 'Gandhi', 'Ghosh', 'Gill', 'Goswami', 'Gupta', 'Hegde', 'Iyer',
  'Jain', 'Joshi', 'Kapoor', 'Khan', 'Khanna', 'Kulkarni', 'Kumar', 'Lal', 'Mehta', 'Menon', 'Mishra', 'Mukherjee', 'Nair', 'Naidu',
  'Pandey', 'Patel', 'Patil', 'Pillai', 'Prasad', 'Qureshi', 'Rao', 'Rathore', 'Reddy', 'Saxena', 'Sen', 'Shah', 'Sharma', 'Shetty',
  'Shukla', 'Singh', 'Sinha', 'Srivastava', 'Thakur', 'Tiwari', 'Trivedi', 'Varma', 'Verma', 'Yadav', 'Zaidi', 'Kohli', 'Malhotra',
  'Arora', 'Bhatia', 'Sethi', 'Grover', 'Chawla', 'Kaul', 'Dhar', 'Raina', 'Wagh', 'Pawar', 'Jadhav', 'Shinde', 'Gaikwad', 'More',
  'Kamble', 'Salvi', 'Naik', 'Gowda', 'Shastri', 'Hussain', 'Siddiqui', 'Rizvi', 'Barua', 'Gogoi', 'Bora', 'Saikia', 'Mahanta',
  'Panda', 'Mohanty', 'Sahoo', 'Behera', 'Nayak',
];

/** A uuid (v4 layout) from the seeded stream: ids an attacker might walk must not depend on the run. */
function uuidFrom(random: DeterministicRandom): string {
  const hex = Array.from({ length: 32 }, () => random.integer(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.integer(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** 14 digits, first never 0: the format and spread of newBeneficiaryReferenceId. */
function referenceIdFrom(random: DeterministicRandom): string {
  return `${random.integer(1, 9)}${Array.from({ length: 13 }, () => random.integer(0, 9)).join('')}`;
}

function uvciFrom(random: DeterministicRandom): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const body = `URN:UVCI:01:IN:${Array.from({ length: uvciOpaqueLength }, () => random.pick([...alphabet])).join('')}`;
  return `${body}#${uvciCheckCharacter(body)}`;
}

/** Distinct valid Aadhaar numbers (first digit 2-9, Verhoeff check digit) for distinct i. */
function aadhaarOf(i: number): string {
  const base = String(30_000_000_000 + i * 104_729);
  return `${base}${verhoeffCheckDigit(base)}`;
}

/** Distinct mobiles for distinct i: 6xxxxxxxxx, the multiplier being coprime with 10^9. */
function mobileOf(i: number): string {
  return String(6_000_000_000 + ((i * 99_991 + 12_345) % 1_000_000_000));
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedPopulation(services: Services, options: {
  size: number;
  seed: string;
  /** How many people are booked today at the attacked centre. */
  rosterSize: number;
  /** How many more are booked at other centres or on later days. */
  otherAppointments: number;
  /** How many have a certificate (dose 1, weeks ago). */
  certificates: number;
}): Promise<Population> {
  const { db, cipher, clock } = services;
  const random = new DeterministicRandom(options.seed);
  const now = clock.now();
  const today = todayInIndia(now);
  const currentYear = Number(today.slice(0, 4));

  const people: Person[] = [];
  const accounts: Insertable<AccountTable>[] = [];
  const members: BeneficiaryTable[] = [];
  const claims: { photo_id_bidx: string; beneficiary_id: string }[] = [];
  for (let a = 0; people.length < options.size; a += 1) {
    const accountId = uuidFrom(random);
    const mobile = mobileOf(a);
    accounts.push({ id: accountId, mobile_enc: cipher.encrypt(mobile, `account.mobile:${accountId}`), mobile_bidx: cipher.blindIndex('mobile', mobile), mobile_last4: lastFourDigits(mobile), created_at: now });
    const familySize = Math.min(random.integer(1, 4), options.size - people.length);
    for (let m = 0; m < familySize; m += 1) {
      const i = people.length;
      const person: Person = {
        accountId, beneficiaryId: uuidFrom(random), referenceId: referenceIdFrom(random), mobile,
        // 100 × 100 names: every person's name is theirs alone, so a name in an answer identifies one person.
        name: `${FIRST_NAMES[i % 100]} ${SURNAMES[Math.floor(i / 100) % 100]}`,
        photoIdNumber: aadhaarOf(i), birthYear: random.integer(currentYear - 80, currentYear - 19), genderId: random.pick([1, 1, 2, 2, 3]),
      };
      people.push(person);
      members.push({
        id: person.beneficiaryId, account_id: accountId, reference_id: person.referenceId,
        name_enc: cipher.encrypt(person.name, `beneficiary.name:${person.beneficiaryId}`), birth_year: person.birthYear, gender_id: person.genderId,
        photo_id_type: 1, photo_id_enc: cipher.encrypt(person.photoIdNumber, `beneficiary.photo_id:${person.beneficiaryId}`),
        photo_id_masked: maskPhotoId(1, person.photoIdNumber), comorbidity: random.chance(0.2), consent_version: 'V1', created_at: now,
      });
      claims.push({ photo_id_bidx: cipher.blindIndex('photo_id:1', person.photoIdNumber), beneficiary_id: person.beneficiaryId });
    }
  }
  if (new Set(people.map((p) => p.name)).size !== people.length) throw new Error('population: names must be unique (at most 10,000 people)');
  await insertInChunks(accounts, 1000, (chunk) => db.insertInto('account').values(chunk).execute());
  await insertInChunks(members, 1000, (chunk) => db.insertInto('beneficiary').values(chunk).execute());
  await insertInChunks(claims, 2000, (chunk) => db.insertInto('photo_id_claim').values(chunk).execute());

  // The attacked centre: the first adult session today in the demo data, with room for its roster.
  const attacked = await db.selectFrom('vaccination_session').select(['id', 'facility_id', 'slots'])
    .where('date', '=', today).where('min_age_limit', '=', 18).where('max_age_limit', 'is', null)
    .orderBy('facility_id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  await sql`UPDATE vaccination_session SET capacity_dose1 = ${options.rosterSize + 20}, booked_dose1 = ${options.rosterSize} WHERE id = ${attacked.id}`.execute(db);
  const elsewhere = await db.selectFrom('vaccination_session').select(['id', 'facility_id', 'date', 'slots', 'capacity_dose1', 'booked_dose1'])
    .where('date', '>=', today).where('date', '<=', addDays(today, 6)).where('min_age_limit', '=', 18).where('facility_id', '<>', attacked.facility_id)
    .orderBy('date').orderBy('facility_id').limit(400).execute();

  // Each booked person is the only one booked from their account, so a booking is one appointment.
  const firstOfAccount = new Set<string>();
  const bookable = people.filter((p) => {
    if (firstOfAccount.has(p.accountId)) return false;
    firstOfAccount.add(p.accountId);
    return true;
  });
  const booked = new Set<string>();
  const appointments: Insertable<AppointmentTable>[] = [];
  const book = (person: Person, session: { id: string; facility_id: number; date: string; slots: string[] }): Appointment => {
    booked.add(person.accountId);
    const id = uuidFrom(random);
    const securityCode = String(random.integer(0, 9999)).padStart(4, '0');
    const appointment = { id, bookingId: uuidFrom(random), person, sessionId: session.id, facilityId: session.facility_id, date: session.date as IsoDate, securityCode };
    appointments.push({
      id, booking_id: appointment.bookingId, account_id: person.accountId, beneficiary_id: person.beneficiaryId, session_id: session.id, dose: 1,
      slot: random.pick(session.slots), security_code_enc: cipher.encrypt(securityCode, `appointment.security_code:${id}`),
      security_code_mac: cipher.mac('securityCode', `${id}:${securityCode}`), status: 'booked', created_at: now, updated_at: now,
    });
    return appointment;
  };
  const roster = bookable.slice(0, options.rosterSize).map((p) => book(p, { ...attacked, date: today }));
  const otherAppointments: Appointment[] = [];
  const seatsTaken = new Map<string, number>();
  for (const person of bookable.slice(options.rosterSize, options.rosterSize + options.otherAppointments)) {
    const session = elsewhere[otherAppointments.length % elsewhere.length]!;
    seatsTaken.set(session.id, (seatsTaken.get(session.id) ?? 0) + 1);
    otherAppointments.push(book(person, session));
  }
  await insertInChunks(appointments, 1000, (chunk) => db.insertInto('appointment').values(chunk).execute());
  for (const [sessionId, seats] of seatsTaken) {
    await sql`UPDATE vaccination_session SET capacity_dose1 = GREATEST(capacity_dose1, booked_dose1 + ${seats}), booked_dose1 = booked_dose1 + ${seats} WHERE id = ${sessionId}`.execute(db);
  }

  // Certificates for dose 1, given 30 days ago at other centres, to people with no booking.
  const vaccinated = people.filter((p) => !booked.has(p.accountId)).slice(0, options.certificates);
  const given = addDays(today, -30);
  const doseRows = vaccinated.map((person, i) => ({
    id: uuidFrom(random), beneficiary_id: person.beneficiaryId, dose: 1, vaccine: 'COVISHIELD', administered_on: given,
    facility_id: elsewhere[i % elsewhere.length]!.facility_id, session_id: null, recorded_at: new Date(now.getTime() - 30 * 86_400_000),
    batch_id: null, vaccinator_id: null, administered_at: null,
  }));
  const certificates = vaccinated.map((person) => ({ uvci: uvciFrom(random), person }));
  await insertInChunks(doseRows, 1000, (chunk) => db.insertInto('dose_record').values(chunk).execute());
  await insertInChunks(certificates.map((c, i) => ({
    id: uuidFrom(random), beneficiary_id: c.person.beneficiaryId, dose_record_id: doseRows[i]!.id, uvci: c.uvci, kind: certificateKindFor(1),
    issued_at: doseRows[i]!.recorded_at, revoked_at: null, revocation_reason: null,
  })), 1000, (chunk) => db.insertInto('certificate').values(chunk).execute());

  return { people, roster, otherAppointments, certificates, attackedCentre: { facilityId: attacked.facility_id, sessionId: attacked.id, date: today } };
}
