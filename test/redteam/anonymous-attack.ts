import { createHash } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { DeterministicRandom } from '../../src/core/deterministic-random.js';
import type { Attacker, Route } from './attacker.js';
import type { Population } from './population.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What a client with no credential at all tries: every public route, OTP logins for the leaked
 * mobiles with guessed codes, forged and unsigned tokens, the staff sign-in with guessed passwords,
 * and every protected route without (or with a made-up) credential. It spreads over a few addresses,
 * as a bot on rented machines would.
 */
export function anonymousRoutes(input: {
  attacker: Attacker;
  population: Population;
  random: DeterministicRandom;
  /** A real staff username (people put them in e-mail signatures). */
  staffUsername: string;
}): Record<string, Route> {
  const { attacker, population, random } = input;
  const own = population.attackedCentre;
  const victim = (round: number) => population.people[(round * 389 + 5) % population.people.length]!;
  const sixDigits = () => String(random.integer(0, 999_999)).padStart(6, '0');
  const uuid = () => `${random.integer(0, 0xffffffff).toString(16).padStart(8, '0')}-0000-4000-8000-${String(random.integer(0, 1e12)).padStart(12, '0')}`;
  const cowinDate = `${own.date.slice(8, 10)}-${own.date.slice(5, 7)}-${own.date.slice(0, 4)}`;
  const get = (route: string, url: string, headers: Record<string, string> = {}) => attacker.attempt(route, { method: 'GET', url, headers });
  const post = (route: string, url: string, payload: object, headers: Record<string, string> = {}) => attacker.attempt(route, { method: 'POST', url, payload, headers });

  const forged = async (round: number): Promise<string> => {
    const claims = { user_id: victim(round).accountId, user_type: 'BENEFICIARY' };
    if (round % 2 === 0) return new UnsecuredJWT(claims).setSubject(victim(round).accountId).setJti(uuid()).setIssuedAt().setExpirationTime('15m').encode();
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(victim(round).accountId).setJti(uuid())
      .setIssuedAt().setExpirationTime('15m').sign(new TextEncoder().encode('secret'));
  };

  return {
    'public availability': async (round) => {
      const urls = [
        '/api/v2/admin/location/states', `/api/v2/appointment/sessions/public/calendarByCenter?center_id=${own.facilityId}&date=${cowinDate}`,
        '/api/v2/appointment/centers/public/findByLatLong?lat=28.61&long=77.2',
      ];
      await get('public availability', urls[round % urls.length]!);
    },
    'OTP logins with leaked mobiles, guessed': async (round) => {
      const variant = round % 2 === 0
        ? { send: '/api/v2/auth/generateMobileOTP', confirm: '/api/v2/auth/validateMobileOtp' }
        : { send: '/api/v2/auth/public/generateOTP', confirm: '/api/v2/auth/public/confirmOTP' };
      const sent = await post('OTP logins with leaked mobiles, guessed', variant.send, { mobile: victim(round).mobile });
      if (sent.statusCode !== 200) return;
      for (let i = 0; i < 2; i += 1) {
        await post('OTP logins with leaked mobiles, guessed', variant.confirm, { txnId: sent.json().txnId, otp: sha256(sixDigits()) });
      }
    },
    'forged citizen tokens': async (round) => {
      const urls = ['/api/v2/appointment/beneficiaries', '/api/citizen/my-data', `/api/citizen/certificates/${victim(round).referenceId}`];
      await get('forged citizen tokens', urls[round % urls.length]!, { authorization: `Bearer ${await forged(round)}` });
    },
    'certificates by reference id': async (round) => {
      await get('certificates by reference id', `/api/v2/registration/certificate/public/download?beneficiary_reference_id=${victim(round).referenceId}`);
    },
    'certificate verification': async (round) => {
      const certificate = population.certificates[round % population.certificates.length]!;
      await post('certificate verification', '/api/verify', { qr: round % 2 === 0 ? `HC1:${certificate.uvci}` : 'HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N' });
    },
    'staff sign-in guessed': async (round) => {
      const csrf = await get('staff sign-in guessed', '/api/staff/csrf');
      const cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      await post('staff sign-in guessed', '/api/staff/login', { username: input.staffUsername, password: `Winter${2020 + round}!` }, { 'x-csrf-token': csrf.json().token, cookie });
    },
    'staff routes without a session': async (round) => {
      const roster = population.roster[round % population.roster.length]!;
      const attempts = [
        () => get('staff routes without a session', '/api/staff/centre/roster'),
        () => post('staff routes without a session', '/api/staff/centre/encounters', { appointment_id: roster.id, security_code: roster.securityCode }),
        () => get('staff routes without a session', '/api/staff/corrections'),
        () => post('staff routes without a session', '/api/staff/aefi/identifications', { certificate_uvci: population.certificates[round]!.uvci }),
      ];
      await attempts[round % attempts.length]!();
    },
    'development and debug routes': async (round) => {
      await get('development and debug routes', ['/__dev/outbox', '/api/debug', '/api/docs/json'][round % 3]!);
    },
    'verification keys and revocations': async (round) => {
      await get('verification keys and revocations', ['/api/verify/trust-list', '/api/verify/revocations', '/.well-known/jwks.json'][round % 3]!);
    },
  };
}
