import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { addDays } from '../../src/core/calendar-date.js';
import type { DeterministicRandom } from '../../src/core/deterministic-random.js';
import { clientAssertion, JWT_BEARER, TOKEN_PATH, type PartnerCredential } from '../owasp/partner-client.js';
import type { Attacker, Route } from './attacker.js';
import type { Population } from './population.js';

/**
 * Everything a stolen partner credential (client id and private key, used from an address on the
 * partner's allowlist) can reach. It signs its own assertions and takes tokens as the partner
 * does; it holds the same leaked identifiers as the other attackers and the handles of the people
 * who did consent, and tries to turn any of them into someone's data.
 */
export function partnerRoutes(input: {
  app: FastifyInstance;
  attacker: Attacker;
  population: Population;
  credential: PartnerCredential;
  /** Subject handles of the people who consented before the theft. */
  consentedHandles: readonly string[];
  now: () => Date;
  random: DeterministicRandom;
}): Record<string, Route> {
  const { attacker, population, credential, random } = input;
  let token = '';
  let usedAssertion = '';
  const victim = (round: number) => population.people[(round * 997 + 11) % population.people.length]!;
  const handle = () => randomBytes(32).toString('base64url');
  const auth = () => ({ authorization: `Bearer ${token}` });
  const get = (route: string, url: string) => attacker.attempt(route, { method: 'GET', url, headers: auth() });
  const post = (route: string, url: string, payload: object) => attacker.attempt(route, { method: 'POST', url, headers: auth(), payload });
  const tokenRequest = (route: string, assertion: string) => attacker.attempt(route, {
    method: 'POST', url: TOKEN_PATH, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: JWT_BEARER, client_assertion: assertion }).toString(),
  });

  return {
    'access token': async (round) => {
      // A fresh token each round, as the partner's own software would; the second request replays the assertion.
      usedAssertion = await clientAssertion(credential, { now: input.now() });
      const issued = await tokenRequest('access token', usedAssertion);
      if (issued.statusCode === 200) token = issued.json().access_token;
      if (round % 3 === 2) await tokenRequest('assertion replayed', usedAssertion);
    },
    'consented people': async (round) => {
      const consented = input.consentedHandles[round % input.consentedHandles.length]!;
      await get('consented people', `/api/partner/v1/subjects/${consented}/${round % 2 === 0 ? 'vaccination-status' : 'certificates'}`);
    },
    'handles guessed': async (round) => {
      // A bulk extraction is mostly guessing: three tries a turn.
      for (let i = 0; i < 3; i += 1) {
        await get('handles guessed', `/api/partner/v1/subjects/${handle()}/${['vaccination-status', 'certificates', `certificates/00000000-0000-4000-8000-00000000000${round % 10}`][i]}`);
      }
    },
    'identifiers as handles': async (round) => {
      const person = victim(round);
      const identifier = [person.referenceId, person.mobile, person.photoIdNumber, person.beneficiaryId][round % 4]!;
      await get('identifiers as handles', `/api/partner/v1/subjects/${encodeURIComponent(identifier)}/vaccination-status`);
      // Perhaps a handle is a hash of something the partner knows.
      await get('identifiers as handles', `/api/partner/v1/subjects/${createHash('sha256').update(identifier).digest('base64url')}/vaccination-status`);
    },
    'consent requests naming people': async (round) => {
      const person = victim(round);
      await post('consent requests naming people', '/api/partner/v1/consent-requests', {
        purpose: 'Membership check', data: ['vaccination_status', 'certificates'], expires_in_days: 365,
        ...[{ mobile: person.mobile }, { beneficiary_reference_id: person.referenceId }, { photo_id_number: person.photoIdNumber }][round % 3],
      });
    },
    'consent requests, then their status': async () => {
      const created = await post('consent requests, then their status', '/api/partner/v1/consent-requests', {
        purpose: 'Membership check', data: ['certificates'], expires_in_days: 365,
      });
      if (created.statusCode === 201) await get('consent requests, then their status', `/api/partner/v1/consent-requests/${created.json().id}`);
      else await get('consent requests, then their status', `/api/partner/v1/consent-requests/00000000-0000-4000-8000-${String(random.integer(0, 1e12)).padStart(12, '0')}`);
    },
    'approving its own requests': async (round) => {
      const id = `00000000-0000-4000-8000-${String(round).padStart(12, '0')}`;
      await post('approving its own requests', `/api/citizen/consent-requests/${id}/approve`, { beneficiary_reference_id: victim(round).referenceId, txnId: id, otp: '123456' });
    },
    'aggregates': async (round) => {
      const groupings = ['district,date,vaccine,age_band,gender', 'district,age_band,gender', 'date,vaccine'];
      const to = population.attackedCentre.date;
      await get('aggregates', `/api/partner/v1/aggregates?group_by=${groupings[round % 3]}&from=${addDays(to, -365)}&to=${to}`);
    },
    'citizen and staff routes with the token': async (round) => {
      await get('citizen and staff routes with the token', ['/api/citizen/my-data', '/api/v2/appointment/beneficiaries', '/api/staff/centre/roster', '/api/citizen/consents'][round % 4]!);
    },
  };
}
