import { generateKeyPairSync } from 'node:crypto';
import { inflateRawSync, inflateSync, deflateRawSync } from 'node:zlib';
import { base64url, calculateJwkThumbprint, CompactSign, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../signing-key.js';
import { generateUvci } from '../uvci.js';
import type { VaccinationCertificateData } from '../vaccination-certificate-data.js';
import { healthCardTypes, type HealthCardPayload } from './health-card-vc.js';
import { assertIssuerUrl, issueShc } from './issue.js';
import { jwksFor, shcKidOf } from './jwks.js';
import { fromShcNumeric, ShcNumericError, toShcNumeric } from './numeric.js';
import { verifyShc } from './verify.js';

const issuerUrl = 'https://teeka.example.in';
const issuedAt = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-06-01T00:00:00Z');

const data = (overrides: Partial<VaccinationCertificateData & { lotNumber: string }> = {}) => ({
  familyName: 'Sharma',
  givenName: 'Sunita',
  dateOfBirth: '1985-03-02',
  vaccine: 'COVAXIN' as const,
  doseNumber: 2,
  totalDoses: 2,
  date: '2021-09-24',
  country: 'IN' as const,
  issuer: 'Ministry of Health and Family Welfare, India',
  uvci: generateUvci(),
  issuedAt,
  ...overrides,
});

async function issuer() {
  const key = generateSigningKey();
  const kid = await shcKidOf(key.publicKey);
  return { key, kid, jwks: await jwksFor([{ kid, key: key.publicKey }]) };
}

const payloadOf = (jws: string) => JSON.parse(inflateRawSync(base64url.decode(jws.split('.')[1]!)).toString()) as HealthCardPayload;

/** Replaces the payload of `jws` and keeps its header and signature: a forger's best try. */
function tamper(jws: string, edit: (card: HealthCardPayload) => void): string {
  const [header, , signature] = jws.split('.');
  const card = payloadOf(jws);
  edit(card);
  return `${header}.${base64url.encode(deflateRawSync(JSON.stringify(card), { level: 9 }))}.${signature}`;
}

describe('SMART Health Cards', () => {
  it('round-trips as JWS and as shc:/ numeric QR text', async () => {
    const { key, kid, jwks } = await issuer();
    const { jws, qrNumeric } = await issueShc({ data: data({ lotNumber: 'B21009' }), issuerUrl, key: key.privateKey, kid, rid: 'c2Vzc2lvbjE' });
    for (const card of [jws, qrNumeric]) {
      const result = await verifyShc(card, jwks, later, { issuer: issuerUrl });
      expect(result).toMatchObject({ valid: true, kid, issuer: issuerUrl, issuedAt, rid: 'c2Vzc2lvbjE' });
    }
    expect(jws.length).toBeLessThanOrEqual(1195);
  });

  it('signs the credential the spec describes', async () => {
    const { key, kid } = await issuer();
    const { jws } = await issueShc({ data: data({ lotNumber: 'B21009' }), issuerUrl, key: key.privateKey, kid, rid: 'abc' });
    expect(JSON.parse(Buffer.from(base64url.decode(jws.split('.')[0]!)).toString())).toEqual({ alg: 'ES256', zip: 'DEF', kid });
    expect(payloadOf(jws)).toEqual({
      iss: issuerUrl,
      nbf: issuedAt.getTime() / 1000,
      vc: {
        type: [...healthCardTypes],
        credentialSubject: {
          fhirVersion: '4.0.1',
          fhirBundle: {
            resourceType: 'Bundle',
            type: 'collection',
            entry: [
              { fullUrl: 'resource:0', resource: { resourceType: 'Patient', name: [{ family: 'Sharma', given: ['Sunita'] }], birthDate: '1985-03-02' } },
              {
                fullUrl: 'resource:1',
                resource: {
                  resourceType: 'Immunization',
                  status: 'completed',
                  vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '502' }] },
                  patient: { reference: 'resource:0' },
                  occurrenceDateTime: '2021-09-24',
                  performer: [{ actor: { display: 'Ministry of Health and Family Welfare, India' } }],
                  lotNumber: 'B21009',
                },
              },
            ],
          },
        },
        rid: 'abc',
      },
    });
  });

  it('compresses with raw DEFLATE, without a zlib header', async () => {
    const { key, kid } = await issuer();
    const { jws } = await issueShc({ data: data(), issuerUrl, key: key.privateKey, kid, rid: 'abc' });
    const body = base64url.decode(jws.split('.')[1]!);
    expect(() => inflateSync(body)).toThrow(); // a zlib stream starts 0x78 and ends with Adler-32
    const json = inflateRawSync(body).toString();
    expect(json).toBe(JSON.stringify(JSON.parse(json))); // minified
  });

  it('publishes public keys whose kid is the RFC 7638 thumbprint', async () => {
    const { key, kid, jwks } = await issuer();
    const [jwk] = jwks.keys;
    expect(jwk).toEqual({ ...(await exportJWK(key.publicKey)), kid, use: 'sig', alg: 'ES256' });
    expect(kid).toBe(await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: jwk!.x, y: jwk!.y }, 'sha256'));
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const fromPrivate = await jwksFor([{ key: key.privateKey, crlVersion: 1 }]);
    expect(fromPrivate.keys[0]).not.toHaveProperty('d');
    expect(fromPrivate.keys[0]).toMatchObject({ kid, crlVersion: 1 });
    await expect(jwksFor([{ kid: 'not-the-thumbprint', key: key.publicKey }])).rejects.toThrow(RangeError);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    await expect(jwksFor([{ key: rsa }])).rejects.toThrow(RangeError);
  });

  describe('numeric encoding', () => {
    it('writes each character as two digits, c − 45', () => {
      expect(toShcNumeric('eyJ')).toBe('shc:/567629'); // every SHC QR code starts like this
      expect(toShcNumeric('-.z')).toBe('shc:/000177');
      expect(fromShcNumeric('shc:/000177')).toBe('-.z');
    });

    it('refuses what is not the numeric form of a JWS', () => {
      expect(() => fromShcNumeric('shc:/123')).toThrow(ShcNumericError);
      expect(() => fromShcNumeric('shc:/78')).toThrow(ShcNumericError);
      expect(() => fromShcNumeric('shc:/1/2/5676')).toThrow(ShcNumericError);
      expect(() => fromShcNumeric('SHC:/5676')).toThrow(ShcNumericError);
      expect(() => toShcNumeric('a b')).toThrow(ShcNumericError);
    });
  });

  describe('refuses', () => {
    const ready = (async () => {
      const party = await issuer();
      const { jws, qrNumeric } = await issueShc({ data: data({ doseNumber: 1 }), issuerUrl, key: party.key.privateKey, kid: party.kid, rid: 'abc' });
      return { ...party, jws, qrNumeric };
    })();

    const forgeries: Record<string, (card: HealthCardPayload) => void> = {
      'a changed birth date': (card) => (card.vc.credentialSubject.fhirBundle.entry[0]!.resource.birthDate = '1986-03-02'),
      'a changed vaccine': (card) => ((card.vc.credentialSubject.fhirBundle.entry[1]!.resource.vaccineCode as { coding: { code: string }[] }).coding[0]!.code = '210'),
      'a changed issuer': (card) => (card.iss = 'https://evil.example'),
      'a removed revocation id': (card) => delete card.vc.rid,
      'an added field': (card) => Object.assign(card.vc, { note: 'x' }),
      'a second dose added': (card) => card.vc.credentialSubject.fhirBundle.entry.push({ ...card.vc.credentialSubject.fhirBundle.entry[1]!, fullUrl: 'resource:2' }),
    };
    for (const [change, edit] of Object.entries(forgeries)) {
      it(`${change}, keeping the old signature`, async () => {
        const { jws, jwks } = await ready;
        expect(await verifyShc(tamper(jws, edit), jwks, later)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
      });
    }

    it('nothing when the payload is re-encoded unchanged, so the forgeries above test their change', async () => {
      const { jws, jwks } = await ready;
      expect(tamper(jws, () => {})).toBe(jws);
      expect(await verifyShc(tamper(jws, () => {}), jwks, later)).toMatchObject({ valid: true });
    });

    it('a flipped digit in the QR text', async () => {
      const { qrNumeric, jwks } = await ready;
      const at = qrNumeric.length - 30;
      const flipped = qrNumeric.slice(0, at) + (qrNumeric[at] === '1' ? '2' : '1') + qrNumeric.slice(at + 1);
      const result = await verifyShc(flipped, jwks, later);
      expect(result.valid).toBe(false);
    });

    it('a card signed by a key outside the set, or whose set entry is not its key', async () => {
      const { jws, jwks } = await ready;
      const stranger = await issuer();
      expect(await verifyShc(jws, stranger.jwks, later)).toMatchObject({ valid: false, reason: 'UNKNOWN_KID' });
      const swapped = { keys: [{ ...stranger.jwks.keys[0]!, kid: jwks.keys[0]!.kid }] };
      expect(await verifyShc(jws, swapped, later)).toMatchObject({ valid: false, reason: 'UNKNOWN_KID' });
    });

    it('a card naming another issuer than the one whose keys were given', async () => {
      const { jws, jwks } = await ready;
      expect(await verifyShc(jws, jwks, later, { issuer: 'https://other.example' })).toMatchObject({ valid: false, reason: 'ISSUER' });
    });

    it('a card used before its nbf', async () => {
      const { jws, jwks } = await ready;
      expect(await verifyShc(jws, jwks, new Date(issuedAt.getTime() - 1000))).toMatchObject({ valid: false, reason: 'NOT_YET_VALID' });
    });

    it('other headers and payloads, even when correctly signed', async () => {
      const { key, kid, jwks } = await ready;
      const sign = (header: Record<string, unknown>, body: Uint8Array) => new CompactSign(body).setProtectedHeader({ alg: 'ES256', ...header }).sign(key.privateKey);
      const card = deflateRawSync(JSON.stringify({ iss: issuerUrl, nbf: 1, vc: { type: ['x'] } }));
      expect(await verifyShc(await sign({ kid }, card), jwks, later)).toMatchObject({ reason: 'HEADER' });
      expect(await verifyShc(await sign({ kid, zip: 'DEF' }, card), jwks, later)).toMatchObject({ reason: 'PAYLOAD' });
      expect(await verifyShc(await sign({ kid, zip: 'DEF' }, deflateRawSync('not json')), jwks, later)).toMatchObject({ reason: 'PAYLOAD' });
      expect(await verifyShc(await sign({ kid, zip: 'DEF' }, new Uint8Array([0xff, 0xff])), jwks, later)).toMatchObject({ reason: 'DEFLATE' });
      expect(await verifyShc('not.a-jws', jwks, later)).toMatchObject({ reason: 'JWS' });
      expect(await verifyShc('shc:/99', jwks, later)).toMatchObject({ reason: 'NUMERIC' });
    });
  });

  it('refuses to issue cards nobody could verify', async () => {
    const { key, kid } = await issuer();
    const base = { data: data(), issuerUrl, key: key.privateKey, kid, rid: 'abc' };
    await expect(issueShc({ ...base, kid: 'other' })).rejects.toThrow(/thumbprint/);
    await expect(issueShc({ ...base, key: key.publicKey })).rejects.toThrow(/private/);
    await expect(issueShc({ ...base, rid: 'has spaces' })).rejects.toThrow(/rid/);
    await expect(issueShc({ ...base, rid: 'a'.repeat(25) })).rejects.toThrow(/rid/);
    expect(() => assertIssuerUrl('http://teeka.example.in')).toThrow(/https/);
    expect(() => assertIssuerUrl(`${issuerUrl}/`)).toThrow();
    expect(() => assertIssuerUrl('http://127.0.0.1:3000')).not.toThrow();
  });
});
