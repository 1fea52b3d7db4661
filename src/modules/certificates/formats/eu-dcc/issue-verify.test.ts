import { generateKeyPairSync } from 'node:crypto';
import { Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { encodeBase45 } from '../base45.js';
import { generateSigningKey, type SigningKey } from '../signing-key.js';
import { generateUvci } from '../uvci.js';
import type { CertificateValidity, VaccinationCertificateData } from '../vaccination-certificate-data.js';
import { encodeCbor, type CborMap } from './cbor.js';
import { parseCoseSign1, signCoseSign1, type CoseSign1 } from './cose-sign1.js';
import { decodeHcertClaims, encodeHcertClaims } from './cwt.js';
import { packHc1, unpackHc1 } from './hc1-transport.js';
import { issueHc1 } from './issue.js';
import { verifyHc1, type Hc1Trust } from './verify.js';

const issuedAt = new Date('2026-03-01T10:00:00Z');
const expiresAt = new Date('2027-03-01T10:00:00Z');
const duringValidity = new Date('2026-06-15T00:00:00Z');

function certificateData(overrides: Partial<VaccinationCertificateData & CertificateValidity> = {}): VaccinationCertificateData & CertificateValidity {
  return {
    familyName: 'शर्मा',
    givenName: 'सुनीता',
    dateOfBirth: '1985',
    vaccine: 'COVISHIELD',
    doseNumber: 2,
    totalDoses: 2,
    date: '2026-02-20',
    country: 'IN',
    issuer: 'Ministry of Health and Family Welfare, India',
    uvci: generateUvci(),
    issuedAt,
    expiresAt,
    ...overrides,
  };
}

const trustOnly = (key: SigningKey): Hc1Trust => (kid) => (Buffer.from(kid).toString('base64') === key.kid ? key.publicKey : undefined);

function openHc1(hc1: string): CoseSign1 {
  const unpacked = unpackHc1(hc1);
  if (!unpacked.ok) throw new Error(unpacked.detail);
  return parseCoseSign1(unpacked.cose);
}

/** Rebuilds the QR text around `message`, keeping its protected header and signature as they are. */
function repack(message: CoseSign1, changes: Partial<CoseSign1> = {}): string {
  const m = { ...message, ...changes };
  return packHc1(encodeCbor(new Tag([m.protectedBytes, m.unprotectedHeader, m.payload, m.signature], 18)));
}

/** Edits the signed payload, re-encodes the CWT and keeps the old signature: a forger's best try. */
function tamper(hc1: string, edit: (payload: Record<string, unknown> & { nam: Record<string, unknown>; v: Record<string, unknown>[] }) => void): string {
  const message = openHc1(hc1);
  const claims = decodeHcertClaims(message.payload);
  edit(claims.payload as Parameters<typeof edit>[0]);
  const payload = encodeHcertClaims({ issuer: claims.issuer!, issuedAt: claims.issuedAt, expiresAt: claims.expiresAt, payload: claims.payload });
  return repack(message, { payload });
}

describe('Teeka EU DCC certificates', () => {
  const key = generateSigningKey();
  const trust = trustOnly(key);

  it('round-trips: what we sign verifies, with the payload we built', () => {
    const { hc1, payload } = issueHc1(certificateData(), key);
    expect(hc1.startsWith('HC1:')).toBe(true);
    const result = verifyHc1(hc1, trust, duringValidity);
    expect(result).toMatchObject({ valid: true, issuer: 'IN', issuedAt, expiresAt, payload });
    if (!result.valid) return;
    expect(Buffer.from(result.kid).toString('base64')).toBe(key.kid);
    expect(result.payload.nam).toEqual({ fn: 'शर्मा', fnt: 'SHARMA', gn: 'सुनीता', gnt: 'SUNITA' });
    expect(result.payload.v?.[0]).toMatchObject({ tg: '840539006', vp: '29061000087103', mp: 'Covishield', ma: 'ORG-100001981', dn: 2, sd: 2, co: 'IN' });
  });

  it('round-trips every vaccine and a travel date of birth', () => {
    for (const vaccine of ['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX', 'COVOVAX'] as const) {
      const { hc1 } = issueHc1(certificateData({ vaccine, dateOfBirth: '1985-03-02' }), key);
      expect(verifyHc1(hc1, trust, duringValidity)).toMatchObject({ valid: true, payload: { dob: '1985-03-02' } });
    }
  });

  it('writes the envelope HCERT asks for: tag 18, alg ES256 and kid protected, r||s signature, CWT claims 1, 4, 6', () => {
    const { hc1 } = issueHc1(certificateData(), key);
    const unpacked = unpackHc1(hc1);
    if (!unpacked.ok) throw new Error(unpacked.detail);
    expect(unpacked.cose[0]).toBe(0xd2); // tag 18
    expect(Buffer.from(unpacked.cose.subarray(1, 2)).toString('hex')).toBe('84'); // array of 4
    expect(unpacked.compressed[0]).toBe(0x78); // a ZLIB header, not raw DEFLATE
    const message = parseCoseSign1(unpacked.cose);
    expect(Buffer.from(message.protectedBytes).toString('hex')).toBe(`a2012604${'48'}${Buffer.from(key.kid, 'base64').toString('hex')}`);
    expect(message.unprotectedHeader.size).toBe(0);
    expect(message.signature).toHaveLength(64);
    const claims = decodeHcertClaims(message.payload);
    expect(claims).toMatchObject({ issuer: 'IN', issuedAt, expiresAt });
  });

  it('keeps the QR text small enough for a printed certificate', () => {
    const { hc1 } = issueHc1(certificateData(), key);
    expect(hc1.length).toBeLessThan(700);
  });

  it('still verifies after re-encoding an unchanged payload, so the tampering tests below test the change', () => {
    const { hc1 } = issueHc1(certificateData(), key);
    expect(tamper(hc1, () => {})).toBe(hc1);
    expect(verifyHc1(tamper(hc1, () => {}), trust, duringValidity)).toMatchObject({ valid: true });
  });

  describe('refuses a payload changed after signing', () => {
    const { hc1 } = issueHc1(certificateData({ doseNumber: 1, totalDoses: 2 }), key);
    const forgeries: Record<string, Parameters<typeof tamper>[1]> = {
      'dn and sd swapped': (p) => ([p.v[0]!.dn, p.v[0]!.sd] = [p.v[0]!.sd, p.v[0]!.dn]),
      'dose number raised': (p) => (p.v[0]!.dn = 2),
      'family name': (p) => (p.nam.fn = 'वर्मा'),
      'machine-readable family name': (p) => (p.nam.fnt = 'VERMA'),
      'given name': (p) => (p.nam.gn = 'सुमन'),
      'machine-readable given name': (p) => (p.nam.gnt = 'SUMAN'),
      'date of birth': (p) => (p.dob = '1984'),
      'vaccine product': (p) => (p.v[0]!.mp = 'Covaxin'),
      'vaccine type': (p) => (p.v[0]!.vp = '1157024006'),
      'manufacturer': (p) => (p.v[0]!.ma = 'Bharat-Biotech'),
      'target disease': (p) => (p.v[0]!.tg = '840539007'),
      'vaccination date': (p) => (p.v[0]!.dt = '2026-02-21'),
      'country': (p) => (p.v[0]!.co = 'NL'),
      'issuer': (p) => (p.v[0]!.is = 'Someone else'),
      'certificate id': (p) => (p.v[0]!.ci = generateUvci()),
      'schema version': (p) => (p.ver = '1.3.3'),
      'a field added to the entry': (p) => (p.v[0]!.xx = 'x'),
      'a field added to the payload': (p) => (p.note = 'x'),
      'a second entry': (p) => p.v.push({ ...p.v[0]! }),
      'a field removed': (p) => delete p.nam.gn,
    };
    for (const [change, edit] of Object.entries(forgeries)) {
      it(change, () => {
        expect(verifyHc1(tamper(hc1, edit), trust, duringValidity)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
      });
    }

    it('validity dates', () => {
      const message = openHc1(hc1);
      const claims = decodeHcertClaims(message.payload);
      const later = new Date(claims.expiresAt.getTime() + 365 * 86_400_000);
      const payload = encodeHcertClaims({ issuer: 'IN', issuedAt: claims.issuedAt, expiresAt: later, payload: claims.payload });
      expect(verifyHc1(repack(message, { payload }), trust, duringValidity)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
    });

    it('one flipped bit in the signature', () => {
      const message = openHc1(hc1);
      const signature = new Uint8Array(message.signature);
      signature[10]! ^= 1;
      expect(verifyHc1(repack(message, { signature }), trust, duringValidity)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
    });
  });

  describe('headers', () => {
    const { hc1 } = issueHc1(certificateData(), key);

    it('ignores a different kid in the unprotected header (vector CO21)', () => {
      const message = openHc1(hc1);
      const unprotectedHeader: CborMap = new Map([[4, new Uint8Array(8)]]);
      expect(verifyHc1(repack(message, { unprotectedHeader }), trust, duringValidity)).toMatchObject({ valid: true });
    });

    it('refuses a protected header rewritten to another algorithm or without its kid', () => {
      const message = openHc1(hc1);
      const kid = Buffer.from(key.kid, 'base64');
      const ps256 = encodeCbor(new Map<number, unknown>([[1, -37], [4, kid]]));
      expect(verifyHc1(repack(message, { protectedBytes: ps256 }), trust, duringValidity)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
      const noKid = encodeCbor(new Map([[1, -7]]));
      const moved = repack(message, { protectedBytes: noKid, unprotectedHeader: new Map([[4, kid]]) });
      expect(verifyHc1(moved, trust, duringValidity)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
    });

    it('accepts the message untagged and with the CWT tag 61 around tag 18', () => {
      const message = openHc1(hc1);
      const items = [message.protectedBytes, message.unprotectedHeader, message.payload, message.signature];
      expect(verifyHc1(packHc1(encodeCbor(items)), trust, duringValidity)).toMatchObject({ valid: true });
      expect(verifyHc1(packHc1(encodeCbor(new Tag(new Tag(items, 18), 61))), trust, duringValidity)).toMatchObject({ valid: true });
      expect(verifyHc1(packHc1(encodeCbor(new Tag(items, 98))), trust, duringValidity)).toMatchObject({ valid: false, reason: 'COSE' });
    });
  });

  describe('refuses', () => {
    const { hc1 } = issueHc1(certificateData(), key);

    it('a certificate before it was issued and once it has expired', () => {
      expect(verifyHc1(hc1, trust, new Date(issuedAt.getTime() - 1000))).toMatchObject({ valid: false, reason: 'NOT_YET_VALID' });
      expect(verifyHc1(hc1, trust, issuedAt)).toMatchObject({ valid: true });
      expect(verifyHc1(hc1, trust, new Date(expiresAt.getTime() - 1000))).toMatchObject({ valid: true });
      expect(verifyHc1(hc1, trust, expiresAt)).toMatchObject({ valid: false, reason: 'EXPIRED' });
    });

    it('a kid the trust list does not know, and a known kid whose key did not sign', () => {
      expect(verifyHc1(hc1, () => undefined, duringValidity)).toMatchObject({ valid: false, reason: 'UNKNOWN_KID' });
      const other = generateSigningKey();
      expect(verifyHc1(hc1, () => other.publicKey, duringValidity)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
      expect(verifyHc1(hc1, () => rsa, duringValidity)).toMatchObject({ valid: false, reason: 'SIGNATURE' });
    });

    it('broken transport layers with the matching reason', () => {
      expect(verifyHc1(hc1.slice(4), trust, duringValidity)).toMatchObject({ valid: false, reason: 'PREFIX' });
      expect(verifyHc1(`${hc1}a`, trust, duringValidity)).toMatchObject({ valid: false, reason: 'BASE45' });
      const unpacked = unpackHc1(hc1);
      if (!unpacked.ok) throw new Error(unpacked.detail);
      const truncated = `HC1:${encodeBase45(unpacked.compressed.subarray(0, -2))}`; // base45-valid, ZLIB-broken
      expect(verifyHc1(truncated, trust, duringValidity)).toMatchObject({ valid: false, reason: 'ZLIB' });
      expect(verifyHc1(packHc1(new Uint8Array([0x84, 0x01])), trust, duringValidity)).toMatchObject({ valid: false, reason: 'CBOR' });
      expect(verifyHc1(packHc1(encodeCbor({ a: 1 })), trust, duringValidity)).toMatchObject({ valid: false, reason: 'COSE' });
    });

    it('a signed CWT that is not an EU DCC', () => {
      const message = openHc1(hc1);
      const { issuedAt: iat, expiresAt: exp } = decodeHcertClaims(message.payload);
      const forged = encodeHcertClaims({ issuer: 'IN', issuedAt: iat, expiresAt: exp, payload: { ver: '1.3.0' } });
      // Signed by us, so this tests the schema step, not the signature.
      expect(verifyHc1(packHc1(signedCose(forged, key)), trust, duringValidity)).toMatchObject({ valid: false, reason: 'SCHEMA' });
    });

    it('a zip bomb, without inflating it', () => {
      const bomb = packHc1(new Uint8Array(10 * 1024 * 1024));
      expect(verifyHc1(bomb, trust, duringValidity)).toMatchObject({ valid: false, reason: 'ZLIB' });
    });

    it('deeply nested or exotic CBOR in a signed payload', () => {
      let deep: unknown = 1;
      for (let i = 0; i < 40; i++) deep = [deep];
      const nested = packHc1(signedCose(encodeCbor(new Map<number, unknown>([[1, 'IN'], [4, 2e9], [6, 1e9], [-260, new Map([[1, { deep }]])]])), key));
      expect(verifyHc1(nested, trust, duringValidity)).toMatchObject({ valid: false, reason: 'CBOR' });
      const set = packHc1(signedCose(encodeCbor(new Map<number, unknown>([[1, 'IN'], [4, 2e9], [6, 1e9], [-260, new Map([[1, new Tag([1, 2], 258)]])]])), key));
      expect(verifyHc1(set, trust, duringValidity)).toMatchObject({ valid: false, reason: 'CBOR' });
    });
  });

  it('refuses to issue what it could not sign honestly', () => {
    expect(() => issueHc1(certificateData({ uvci: 'URN:UVCI:01:IN:ABC#A' }), key)).toThrow(/uvci/);
    expect(() => issueHc1(certificateData({ expiresAt: issuedAt }), key)).toThrow(RangeError);
    expect(() => issueHc1(certificateData(), { kid: 'AAAA', privateKey: key.privateKey })).toThrow(/8 bytes/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(() => issueHc1(certificateData(), { kid: key.kid, privateKey: p384 })).toThrow(/P-256/);
  });
});

function signedCose(claims: Uint8Array, key: SigningKey): Uint8Array {
  return signCoseSign1(claims, { kid: Buffer.from(key.kid, 'base64'), privateKey: key.privateKey });
}
