import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBase45 } from '../base45.js';
import { scanQrPng } from '../qr-scanner.test-support.js';
import { dccKidOf } from '../signing-key.js';
import { cborToJson, decodeCbor } from './cbor.js';
import { checkCoseSignature, parseCoseSign1 } from './cose-sign1.js';
import { decodeHcertClaims } from './cwt.js';
import { unpackHc1 } from './hc1-transport.js';
import { isAllowedByKeyUsage } from './key-usage.js';
import type { EuDccPayload } from './payload.js';
import { checkDccSchema } from './schema.js';
import { verifyHc1, type Hc1Failure } from './verify.js';

/**
 * The common test vectors of the EU DCC test data repository (dgc-testdata, Apache-2.0), copied to
 * test/fixtures/eu-dcc/testdata. Each file states which steps must succeed or fail (README there):
 * every stated expectation is checked below against our code. Descriptions are not used: some are
 * wrong (DGC3-DGC6 say "INVALID" yet expect a valid schema; CO11 says "VALID" yet expects the key
 * usage check to fail), and the EXPECTEDRESULTS are what the verifier apps test against.
 */
interface Vector {
  JSON?: unknown;
  CBOR?: string;
  COSE?: string;
  COMPRESSED?: string;
  BASE45?: string;
  PREFIX?: string;
  '2DCODE'?: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string; DESCRIPTION: string };
  EXPECTEDRESULTS: Partial<Record<Expectation, boolean>>;
}

type Expectation =
  | 'EXPECTEDUNPREFIX' | 'EXPECTEDB45DECODE' | 'EXPECTEDCOMPRESSION' | 'EXPECTEDDECODE' | 'EXPECTEDVERIFY'
  | 'EXPECTEDEXPIRATIONCHECK' | 'EXPECTEDSCHEMAVALIDATION' | 'EXPECTEDVALIDJSON' | 'EXPECTEDPICTUREDECODE' | 'EXPECTEDKEYUSAGE';

const dir = new URL('../../../../../test/fixtures/eu-dcc/testdata/', import.meta.url);
const vectors = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ name: file.replace('.json', ''), vector: JSON.parse(fs.readFileSync(new URL(file, dir), 'utf8')) as Vector }));

/** Where a vector must fail, the reason verifyHc1 must give. */
const refusedFor: Record<string, Hc1Failure> = {
  H1: 'PREFIX', H2: 'PREFIX', H3: 'PREFIX',
  B1: 'BASE45',
  Z1: 'ZLIB', Z2: 'ZLIB',
  CBO1: 'CBOR', CBO2: 'CBOR',
  CO5: 'SIGNATURE',
  CO16: 'NOT_YET_VALID', CO17: 'EXPIRED',
  CO22: 'UNKNOWN_KID', CO23: 'UNKNOWN_KID',
  DGC1: 'SCHEMA', DGC2: 'SCHEMA',
};

/** Expectations a vector states but gives no data for; each is listed with why it cannot run. */
const untestable: Record<string, Partial<Record<Expectation, string>>> = {
  B1: { EXPECTEDPICTUREDECODE: 'B1 has no 2DCODE image to decode' },
};

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function contextOf(vector: Vector) {
  const der = Buffer.from(vector.TESTCTX.CERTIFICATE, 'base64');
  const certificate = new X509Certificate(der);
  const kid = dccKidOf(der);
  return {
    certificate,
    now: new Date(vector.TESTCTX.VALIDATIONCLOCK),
    trust: (candidate: Uint8Array) => (Buffer.from(candidate).equals(kid) ? certificate.publicKey : undefined),
  };
}

/** The payload of the vector's QR text, read without any signature or clock check. */
function payloadOf(vector: Vector): EuDccPayload {
  const unpacked = unpackHc1(vector.PREFIX!);
  if (!unpacked.ok) throw new Error(unpacked.detail);
  return decodeHcertClaims(parseCoseSign1(unpacked.cose).payload).payload as unknown as EuDccPayload;
}

const beforeSignature: readonly Hc1Failure[] = ['PREFIX', 'BASE45', 'ZLIB', 'COSE', 'CBOR', 'UNKNOWN_KID', 'SIGNATURE'];

const checks: Record<Expectation, (vector: Vector, expected: boolean) => void> = {
  EXPECTEDUNPREFIX(vector, expected) {
    const unpacked = unpackHc1(vector.PREFIX!);
    if (expected) {
      expect(unpacked.ok || unpacked.reason !== 'PREFIX').toBe(true);
      if (vector.BASE45) expect(vector.PREFIX!.slice(4)).toBe(vector.BASE45);
    } else {
      expect(unpacked).toMatchObject({ ok: false, reason: 'PREFIX' });
    }
  },
  EXPECTEDB45DECODE(vector, expected) {
    if (expected) expect(hex(decodeBase45(vector.BASE45!))).toBe(vector.COMPRESSED!.toLowerCase());
    else expect(() => decodeBase45(vector.BASE45!)).toThrow();
  },
  EXPECTEDCOMPRESSION(vector, expected) {
    if (expected) expect(hex(inflateSync(Buffer.from(vector.COMPRESSED!, 'hex')))).toBe(vector.COSE!.toLowerCase());
    else expect(unpackHc1(vector.PREFIX!)).toMatchObject({ ok: false, reason: 'ZLIB' });
  },
  EXPECTEDDECODE(vector, expected) {
    if (!expected) {
      expect(() => payloadOf(vector)).toThrow();
      return;
    }
    const fromCose = decodeHcertClaims(parseCoseSign1(Buffer.from(vector.COSE!, 'hex')).payload).payload;
    expect(fromCose).toEqual(cborToJson(decodeCbor(Buffer.from(vector.CBOR!, 'hex'))));
    if (vector.JSON) expect(fromCose).toEqual(vector.JSON);
  },
  EXPECTEDVERIFY(vector, expected) {
    const { trust, now } = contextOf(vector);
    const result = verifyHc1(vector.PREFIX!, trust, now);
    if (expected) {
      expect(result.valid || !beforeSignature.includes(result.reason), JSON.stringify(result)).toBe(true);
      if (vector.COSE) {
        const message = parseCoseSign1(Buffer.from(vector.COSE, 'hex'));
        expect(checkCoseSignature(message, contextOf(vector).certificate.publicKey)).toEqual({ ok: true });
      }
    } else {
      expect(result.valid).toBe(false);
      expect(beforeSignature).toContain(!result.valid && result.reason);
    }
  },
  EXPECTEDEXPIRATIONCHECK(vector, expected) {
    const { trust, now } = contextOf(vector);
    const result = verifyHc1(vector.PREFIX!, trust, now);
    const timely = result.valid || (result.reason !== 'EXPIRED' && result.reason !== 'NOT_YET_VALID');
    expect(timely, JSON.stringify(result)).toBe(expected);
  },
  EXPECTEDSCHEMAVALIDATION(vector, expected) {
    const payload = vector.PREFIX ? payloadOf(vector) : cborToJson(decodeCbor(Buffer.from(vector.CBOR!, 'hex')));
    expect(checkDccSchema(payload).valid).toBe(expected);
  },
  EXPECTEDVALIDJSON(vector, expected) {
    if (expected) expect(payloadOf(vector)).toEqual(vector.JSON);
    else expect(() => expect(payloadOf(vector)).toEqual(vector.JSON)).toThrow();
  },
  EXPECTEDPICTUREDECODE(vector, expected) {
    const scanned = scanQrPng(Buffer.from(vector['2DCODE']!, 'base64'));
    expect(scanned?.text === vector.PREFIX).toBe(expected);
  },
  EXPECTEDKEYUSAGE(vector, expected) {
    const { certificate, trust, now } = contextOf(vector);
    const result = verifyHc1(vector.PREFIX!, trust, now);
    expect(result.valid, JSON.stringify(result)).toBe(true); // these vectors are otherwise sound
    expect(isAllowedByKeyUsage(certificate, payloadOf(vector))).toBe(expected);
  },
};

describe('EU DCC common test vectors', () => {
  for (const { name, vector } of vectors) {
    describe(`${name}: ${vector.TESTCTX.DESCRIPTION}`, () => {
      for (const [expectation, expected] of Object.entries(vector.EXPECTEDRESULTS) as [Expectation, boolean][]) {
        const reason = untestable[name]?.[expectation];
        if (reason) {
          it.skip(`${expectation} = ${expected} (${reason})`, () => {});
          continue;
        }
        it(`${expectation} = ${expected}`, () => checks[expectation](vector, expected));
      }

      const { trust, now } = contextOf(vector);
      const refusal = refusedFor[name];
      if (refusal) {
        it(`is refused with ${refusal}`, () => {
          expect(verifyHc1(vector.PREFIX!, trust, now)).toMatchObject({ valid: false, reason: refusal });
        });
      } else if (vector.PREFIX && !('EXPECTEDPICTUREDECODE' in vector.EXPECTEDRESULTS && !vector.EXPECTEDRESULTS.EXPECTEDPICTUREDECODE)) {
        it('verifies end to end at its validation clock', () => {
          const result = verifyHc1(vector.PREFIX!, trust, now);
          expect(result, JSON.stringify(result)).toMatchObject({ valid: true });
        });
      }
    });
  }

  it('covers every vector file and every kind of expectation', () => {
    expect(vectors).toHaveLength(38);
    const stated = new Set(vectors.flatMap(({ vector }) => Object.keys(vector.EXPECTEDRESULTS)));
    expect([...stated].every((e) => e in checks)).toBe(true);
  });
});
