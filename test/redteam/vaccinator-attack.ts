import type { DeterministicRandom } from '../../src/core/deterministic-random.js';
import type { Attacker, Route } from './attacker.js';
import type { Appointment, Population } from './population.js';

/**
 * Everything a stolen vaccinator session (cookie and CSRF token) can reach, and what the 2023 bot's
 * operator would try with it. The attacker also holds a leaked list of the whole population's
 * mobiles, ID numbers, reference ids, appointment slips (id and security code) and certificate
 * UVCIs: the worst case, where the only thing missing is what the citizen alone can give.
 */
export function vaccinatorRoutes(input: {
  attacker: Attacker;
  population: Population;
  /** Roster appointments whose person gave the centre their code before the theft. */
  opened: ReadonlySet<string>;
  random: DeterministicRandom;
  now: () => Date;
}): Record<string, Route> {
  const { attacker, population, opened, random } = input;
  const own = population.attackedCentre;
  const closed = population.roster.filter((a) => !opened.has(a.id));
  const elsewhere = population.otherAppointments;
  const victim = (round: number) => population.people[(round * 613) % population.people.length]!;
  const nth = <T>(list: readonly T[], round: number) => list[round % list.length]!;
  const fourDigits = () => String(random.integer(0, 9999)).padStart(4, '0');
  const sixDigits = () => String(random.integer(0, 999_999)).padStart(6, '0');
  const uuid = () => `${random.integer(0, 0xffffffff).toString(16).padStart(8, '0')}-0000-4000-8000-${String(random.integer(0, 1e12)).padStart(12, '0')}`;
  const otherCentre = elsewhere[0]!.facilityId;
  const post = (route: string, url: string, payload: object) => attacker.attempt(route, { method: 'POST', url, payload });
  const get = (route: string, url: string) => attacker.attempt(route, { method: 'GET', url });

  return {
    'roster': async () => {
      await get('roster', '/api/staff/centre/roster');
    },
    'security codes guessed': async (round) => {
      const appointment: Appointment = nth(closed, round);
      await post('security codes guessed', '/api/staff/centre/encounters', { appointment_id: appointment.id, security_code: fourDigits() });
    },
    'OTP to the citizen, guessed': async (round) => {
      const appointment = nth(closed, round + 7);
      await post('OTP to the citizen, guessed', '/api/staff/centre/encounters/otp', { appointment_id: appointment.id });
      await post('OTP to the citizen, guessed', '/api/staff/centre/encounters/otp/confirm', { appointment_id: appointment.id, otp: sixDigits() });
    },
    'leaked slips of other centres': async (round) => {
      const slip = nth(elsewhere, round);
      await post('leaked slips of other centres', '/api/staff/centre/encounters', { appointment_id: slip.id, security_code: slip.securityCode });
    },
    'appointment ids walked': async (round) => {
      const walked = round % 2 === 0 ? uuid() : `00000000-0000-4000-8000-${String(round).padStart(12, '0')}`;
      await post('appointment ids walked', '/api/staff/centre/encounters', { appointment_id: walked, security_code: fourDigits() });
    },
    'dose without the code': async (round) => {
      const appointment = nth(closed, round + 13);
      await post('dose without the code', '/api/staff/centre/doses', {
        appointment_id: appointment.id, batch_id: uuid(), photo_id_last4: appointment.person.photoIdNumber.slice(-4),
      });
    },
    'walk-in with leaked mobiles and IDs': async (round) => {
      const person = victim(round);
      const sent = await post('walk-in with leaked mobiles and IDs', '/api/staff/centre/walk-ins/otp', { mobile: person.mobile });
      if (sent.statusCode !== 202) return;
      await post('walk-in with leaked mobiles and IDs', '/api/staff/centre/walk-ins', {
        walk_in_token: sent.json().walk_in_token, otp: sixDigits(), session_id: own.sessionId,
        name: person.name, birth_year: person.birthYear, gender_id: person.genderId, photo_id_type: 1, photo_id_number: person.photoIdNumber,
      });
    },
    'AEFI identification with leaked UVCIs': async (round) => {
      const certificate = nth(population.certificates, round);
      const sent = await post('AEFI identification with leaked UVCIs', '/api/staff/aefi/identifications', { certificate_uvci: certificate.uvci });
      if (sent.statusCode !== 202) return;
      await post('AEFI identification with leaked UVCIs', '/api/staff/aefi/identifications/confirm', {
        identification_token: sent.json().identification_token, otp: sixDigits(),
      });
    },
    'AEFI report without the person': async (round) => {
      await post('AEFI report without the person', '/api/staff/aefi/reports', {
        certificate_uvci: nth(population.certificates, round + 3).uvci, severity: 'minor', onset_at: new Date(input.now().getTime() - 3_600_000).toISOString(),
        symptoms: ['fever'], outcome: 'recovered',
      });
    },
    'AEFI lists and cases': async (round) => {
      const urls = [`/api/staff/aefi/centres/${own.facilityId}/reports`, `/api/staff/aefi/centres/${otherCentre}/reports`, `/api/staff/aefi/reports/${uuid()}`];
      await get('AEFI lists and cases', nth(urls, round));
    },
    'correction queue': async (round) => {
      await get('correction queue', round % 2 === 0 ? '/api/staff/corrections' : `/api/staff/corrections/${uuid()}`);
    },
    'stock and planning elsewhere': async (round) => {
      const urls = [`/api/staff/centre/facilities/${otherCentre}/batches`, '/api/staff/planning/centres', `/api/staff/planning/centres/${otherCentre}/sessions`];
      await get('stock and planning elsewhere', nth(urls, round));
    },
    'audit log': async () => {
      await get('audit log', '/api/staff/audit/chain');
    },
    'citizen API with the staff cookie': async (round) => {
      const urls = [
        '/api/v2/appointment/beneficiaries', '/api/citizen/my-data',
        `/api/v2/registration/certificate/download?beneficiary_reference_id=${victim(round).referenceId}`,
        `/api/citizen/certificates/${victim(round).referenceId}`,
      ];
      await get('citizen API with the staff cookie', nth(urls, round));
    },
    'certificate verification': async (round) => {
      await post('certificate verification', '/api/verify', { qr: `HC1:${nth(population.certificates, round).uvci}` });
    },
  };
}
