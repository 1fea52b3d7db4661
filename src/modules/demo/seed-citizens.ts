import { createHash, randomUUID } from 'node:crypto';
import { todayInIndia, type IsoDate } from '../../core/calendar-date.js';
import { fixedClock, type Clock } from '../../core/clock.js';
import { DeterministicRandom } from '../../core/deterministic-random.js';
import type { SmsGateway, SmsMessage } from '../../core/sms/gateway.js';
import type { Services } from '../../services.js';
import type { Actor } from '../access/schema.js';
import type { NewSession } from '../appointments/schema.js';
import type { Member } from '../beneficiaries/service.js';
import { certificateKindFor } from '../certificates/service.js';
import { mergeDemoCredentials } from '../staff/demo-credentials.js';
import type { DemoStaffAccount } from '../staff/demo.js';
import { demoTimeline, type DemoStep } from './citizen-timeline.js';
import { ageOfPersonDueToday, planDemoFamilies, type TodaysVaccine } from './citizens.js';
import { DEFAULT_DEMO_SEED } from './service.js';
import { slotsFor } from './sessions.js';

/** The same services, with another clock and SMS gateway: what the demo uses to act in the past. */
export type ServicesAt = (clock: Clock, sms: SmsGateway) => Services;

type Citizen = Actor & { kind: 'citizen' };
type Staff = Actor & { kind: 'staff' };

/** What `demo-credentials.json` says under `citizens`. */
export interface DemoCitizensCredentials {
  how_to_log_in: string;
  accounts: { mobile: string; members: { name: string; beneficiary_reference_id: string; doses: string; certificate: string }[] }[];
  appointment_today: {
    how_to_vaccinate: string;
    mobile: string; name: string; beneficiary_reference_id: string; photo_id_masked: string;
    date: string; slot: string; dose: number; vaccine: string; centre_id: number; centre_name: string; vaccinator: string;
    security_code: string;
  };
}

/**
 * The demo's phone: keeps the last message, so the seed can read the OTP a citizen would read off
 * their screen. Nothing is sent anywhere.
 */
class DemoPhone implements SmsGateway {
  private last: SmsMessage | undefined;

  async send(message: SmsMessage): Promise<void> {
    this.last = message;
  }

  otp(): string {
    const otp = this.last?.secrets?.[0];
    if (!otp || !/^\d{6}$/.test(otp)) throw new Error('demo citizens: the OTP message carried no code');
    return otp;
  }
}

/**
 * Demo citizens with doses and certificates, in development only, right after the demo staff
 * (the caller checks both). Everything goes through the services a real citizen and centre use —
 * OTP login, registration (encrypted, blind-indexed), booking, the security code, recording the
 * dose from a batch in stock, which issues the certificate — with the clock set to when each step
 * happened, so rows, certificates and audit events are exactly what the real flow writes. The
 * people, ID numbers and dates come from the seed; ids, OTPs and security codes from the CSPRNG.
 */
export async function seedDemoCitizens(
  input: { services: Services; servicesAt: ServicesAt; staff: readonly DemoStaffAccount[]; dataDir: string; seed?: string },
): Promise<{ file: string; credentials: DemoCitizensCredentials }> {
  const { services, staff, dataDir } = input;
  const seed = input.seed ?? DEFAULT_DEMO_SEED;
  const now = services.clock.now();
  const today = todayInIndia(now);
  const vaccinatorAccount = staff.find((s) => s.role === 'vaccinator');
  const adminAccount = staff.find((s) => s.role === 'facility_admin');
  if (vaccinatorAccount?.scope.level !== 'facility' || adminAccount?.scope.level !== 'facility') {
    throw new Error('Demo citizens need the demo vaccinator and facility admin: seed the demo staff first');
  }
  const facilityId = vaccinatorAccount.scope.facilityId;
  const centre = await services.facilities.findById(facilityId);
  if (!centre) throw new Error(`Demo centre ${facilityId} is missing`);
  const slots = slotsFor(centre.opensAt, centre.closesAt);

  const clock = fixedClock(now);
  const phone = new DemoPhone();
  const past = input.servicesAt(clock, phone);
  await past.geography.load();
  await past.vaccines.load();
  const staffActor = (account: DemoStaffAccount): Staff => ({ kind: 'staff', staffId: account.id, role: account.role, scope: account.scope, sessionId: 'demo-seed' });
  const vaccinator = staffActor(vaccinatorAccount);
  const admin = staffActor(adminAccount);

  const todays = await todaysSession(services, facilityId, today, slots);
  const families = planDemoFamilies(seed, today, todays.vaccine);
  const steps = demoTimeline(families, today, new DeterministicRandom(seed).fork('batches'));

  const citizens: Citizen[] = [];
  const members: Member[][] = families.map(() => []);
  const batchIds = new Map<string, string>();
  const sessions = new Map<string, string>([[`${today}/${todays.vaccine.name}`, todays.sessionId]]);
  const appointments = new Map<string, { id: string; code: string }>();
  const appointmentKey = (memberId: string, dose: number) => `${memberId}/${dose}`;

  for (const step of steps) {
    clock.set(step.at);
    await perform(step);
  }

  async function perform(step: DemoStep): Promise<void> {
    switch (step.kind) {
      case 'login': {
        const { txnId } = await past.identity.requestOtp(families[step.family]!.mobile, undefined);
        const login = await past.identity.confirmOtp(txnId, createHash('sha256').update(phone.otp()).digest('hex'), undefined);
        citizens[step.family] = await past.identity.authenticate(`Bearer ${login.token}`, undefined);
        return;
      }
      case 'register': {
        const person = families[step.family]!.members[step.member]!;
        members[step.family]![step.member] = await past.beneficiaries.register(citizens[step.family]!, {
          name: person.name, birth_year: person.birthYear, gender_id: person.genderId, photo_id_type: person.photoIdType,
          photo_id_number: person.photoIdNumber, comorbidity_ind: 'N', consent_version: 'V1',
        });
        return;
      }
      case 'receive': {
        const batch = await past.stock.receiveBatch(admin, facilityId, {
          vaccine: step.batch.vaccine, batchNumber: step.batch.batchNumber, expiresOn: step.batch.expiresOn, quantity: step.batch.quantity,
        });
        batchIds.set(batch.batchNumber, batch.id);
        return;
      }
      case 'book': {
        const citizen = citizens[step.family]!;
        const booked = members[step.family]!.filter((_, m) => step.members.includes(m));
        const youngest = Math.max(...families[step.family]!.members.filter((_, m) => step.members.includes(m)).map((p) => p.birthYear));
        const sessionId = await sessionFor(step.date, step.vaccine, Number(step.date.slice(0, 4)) - youngest);
        const booking = await past.booking.schedule(citizen, {
          sessionId, slot: step.date === today ? slots.at(-1)! : slots[0]!, referenceIds: booked.map((m) => m.referenceId), dose: step.dose,
        });
        const rows = await past.booking.liveBooking(citizen.accountId, booking.bookingId);
        for (const { member, securityCode } of booking.members) {
          const row = rows.find((r) => r.beneficiary_id === member.id)!;
          appointments.set(appointmentKey(member.id, step.dose), { id: row.id, code: securityCode });
        }
        return;
      }
      case 'vaccinate': {
        const member = members[step.family]![step.member]!;
        const person = families[step.family]!.members[step.member]!;
        const appointment = appointments.get(appointmentKey(member.id, step.dose))!;
        await past.encounters.openWithSecurityCode(vaccinator, appointment.id, appointment.code);
        await past.doses.recordDose(vaccinator, { appointmentId: appointment.id, batchId: batchIds.get(step.batchNumber)!, photoIdLast4: person.photoIdNumber.slice(-4) });
      }
    }
  }

  /** The demo centre's session on a past day, made when first needed; children get their own age group. */
  async function sessionFor(date: IsoDate, vaccine: string, youngestAge: number): Promise<string> {
    const child = youngestAge < 18;
    const key = `${date}/${vaccine}${child ? '/child' : ''}`;
    const known = sessions.get(key);
    if (known) return known;
    const session: NewSession = {
      id: randomUUID(), facilityId, date, vaccine, minAgeLimit: child ? 12 : 18, maxAgeLimit: child ? 14 : null, allowAllAge: !child,
      capacityDose1: 100, capacityDose2: 100, slots,
    };
    await past.availability.addSessions(past.db, [session]);
    sessions.set(key, session.id);
    return session.id;
  }

  const dueToday = families.flatMap((family, f) => family.members.map((person, m) => ({ family, person, member: members[f]![m]! })))
    .find((x) => x.person.bookedToday)!;
  const due = dueToday.person.bookedToday!;
  const credentials: DemoCitizensCredentials = {
    how_to_log_in: 'Log in on the citizen pages with one of these mobiles; the OTP appears in the development outbox (GET /__dev/outbox).',
    accounts: families.map((family, f) => ({
      mobile: family.mobile,
      members: family.members.map((person, m) => ({
        name: person.name,
        beneficiary_reference_id: members[f]![m]!.referenceId,
        doses: person.doses.map((d) => `dose ${d.dose}: ${d.vaccine}, ${d.date}`).join('; '),
        certificate: certificateKindFor(person.doses.length),
      })),
    })),
    appointment_today: {
      how_to_vaccinate: `Sign in as ${vaccinatorAccount.username} (see "staff"), open today's roster, open this person's record with the security code, then record dose ${due.dose} with a ${due.vaccine} batch in stock.`,
      mobile: dueToday.family.mobile, name: dueToday.person.name, beneficiary_reference_id: dueToday.member.referenceId,
      photo_id_masked: dueToday.member.photoIdMasked, date: today, slot: slots.at(-1)!, dose: due.dose, vaccine: due.vaccine,
      centre_id: facilityId, centre_name: centre.name, vaccinator: vaccinatorAccount.username,
      security_code: appointments.get(appointmentKey(dueToday.member.id, due.dose))!.code,
    },
  };
  return { file: await mergeDemoCredentials(dataDir, 'citizens', credentials), credentials };
}

/**
 * The seed day's session at the demo centre for the person due then: one the seed already made
 * with a dose-2 seat and an age rule that fits them, or else a new one, so the demo never depends
 * on what that day's sessions happened to be.
 */
async function todaysSession(services: Services, facilityId: number, today: IsoDate, slots: string[]): Promise<{ vaccine: TodaysVaccine; sessionId: string }> {
  const age = ageOfPersonDueToday();
  const known = (name: string) => services.vaccines.byName(name);
  const existing = (await services.availability.atCentre(facilityId, { from: today, days: 1 }))?.sessions.filter((s) => s.date === today) ?? [];
  const open = existing
    .filter((s) => known(s.vaccine) && s.availableDose2 > 0 && age >= s.minAgeLimit && (s.maxAgeLimit === null || age <= s.maxAgeLimit))
    .sort((a, b) => a.vaccine.localeCompare(b.vaccine))[0];
  if (open) return { vaccine: known(open.vaccine)!, sessionId: open.id };
  // Sessions are unique per centre, day, vaccine and minimum age: make one the day does not have.
  for (const name of ['COVISHIELD', 'COVAXIN'] as const) {
    for (const minAgeLimit of [45, 18]) {
      if (existing.some((s) => s.vaccine === name && s.minAgeLimit === minAgeLimit)) continue;
      const session: NewSession = {
        id: randomUUID(), facilityId, date: today, vaccine: name, minAgeLimit, maxAgeLimit: null, allowAllAge: minAgeLimit === 18,
        capacityDose1: 50, capacityDose2: 50, slots,
      };
      await services.availability.addSessions(services.db, [session]);
      return { vaccine: known(name)!, sessionId: session.id };
    }
  }
  throw new Error('Demo citizens: the demo centre already has every session it can have today, all full');
}
