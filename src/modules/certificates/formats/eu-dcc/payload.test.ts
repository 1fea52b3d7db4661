import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateUvci } from '../uvci.js';
import { certificateVaccines, type VaccinationCertificateData } from '../vaccination-certificate-data.js';
import { buildDccPayload, DccPayloadError } from './payload.js';
import { checkDccSchema } from './schema.js';
import { covid19Target, euVaccineCodes } from './value-sets.js';

const fixtures = new URL('../../../../../test/fixtures/eu-dcc/', import.meta.url);
const readJson = (path: string) => JSON.parse(fs.readFileSync(new URL(path, fixtures), 'utf8')) as Record<string, unknown>;
const valueSet = (name: string) => readJson(`valuesets/${name}.json`).valueSetValues as Record<string, { active: boolean }>;

const data = (overrides: Partial<VaccinationCertificateData> = {}): VaccinationCertificateData => ({
  familyName: 'Kumar',
  givenName: 'Amit',
  dateOfBirth: '1990',
  vaccine: 'COVAXIN',
  doseNumber: 1,
  totalDoses: 2,
  date: '2021-09-24',
  country: 'IN',
  issuer: 'Ministry of Health and Family Welfare, India',
  uvci: generateUvci(),
  ...overrides,
});

describe('EU DCC payload', () => {
  it('maps a dose to the v entry of schema 1.3', () => {
    const uvci = generateUvci();
    expect(buildDccPayload(data({ uvci }))).toEqual({
      ver: '1.3.0',
      nam: { fn: 'Kumar', fnt: 'KUMAR', gn: 'Amit', gnt: 'AMIT' },
      dob: '1990',
      v: [{
        tg: '840539006', vp: '1157024006', mp: 'Covaxin', ma: 'Bharat-Biotech',
        dn: 1, sd: 2, dt: '2021-09-24', co: 'IN', is: 'Ministry of Health and Family Welfare, India', ci: uvci,
      }],
    });
  });

  it('puts a single name in the family fields, as ICAO 9303 does', () => {
    expect(buildDccPayload(data({ familyName: '', givenName: 'Lakshmi' })).nam).toEqual({ fn: 'Lakshmi', fnt: 'LAKSHMI' });
    expect(buildDccPayload(data({ familyName: 'Lakshmi', givenName: ' ' })).nam).toEqual({ fn: 'Lakshmi', fnt: 'LAKSHMI' });
  });

  it('keeps the printed name in its own script and adds the ICAO form', () => {
    expect(buildDccPayload(data({ familyName: 'शर्मा', givenName: 'सुनीता' })).nam).toEqual({ fn: 'शर्मा', fnt: 'SHARMA', gn: 'सुनीता', gnt: 'SUNITA' });
  });

  it('validates against the official schema for every vaccine and both kinds of date of birth', () => {
    for (const vaccine of certificateVaccines) {
      for (const dateOfBirth of ['1985', '1985-03-02']) {
        expect(checkDccSchema(buildDccPayload(data({ vaccine, dateOfBirth })))).toEqual({ valid: true });
      }
    }
  });

  it('refuses data no verifier should see', () => {
    expect(() => buildDccPayload(data({ familyName: '', givenName: '' }))).toThrow(RangeError);
    expect(() => buildDccPayload(data({ familyName: '张', givenName: '伟' }))).toThrow(DccPayloadError);
    expect(() => buildDccPayload(data({ dateOfBirth: '85' }))).toThrow(RangeError);
    expect(() => buildDccPayload(data({ dateOfBirth: '1985-02-30' }))).toThrow(RangeError);
    expect(() => buildDccPayload(data({ date: '24/09/2021' }))).toThrow(RangeError);
    expect(() => buildDccPayload(data({ doseNumber: 0 }))).toThrow(RangeError);
    expect(() => buildDccPayload(data({ totalDoses: 1.5 }))).toThrow(RangeError);
    expect(() => buildDccPayload(data({ issuer: 'x'.repeat(81) }))).toThrow(RangeError);
    expect(() => buildDccPayload(data({ uvci: 'URN:UVCI:01:NL:187/37512422923#Z' }))).toThrow(DccPayloadError);
    expect(() => buildDccPayload(data({ familyName: 'x'.repeat(81) }))).toThrow(DccPayloadError); // schema: fn at most 80
  });
});

describe('EU value sets (release 2.12.0)', () => {
  it('uses only active codes that exist, except the documented CORBEVAX product and holder', () => {
    const products = valueSet('vaccine-medicinal-product');
    const holders = valueSet('vaccine-mah-manf');
    const types = valueSet('vaccine-prophylaxis');
    expect(valueSet('disease-agent-targeted')[covid19Target]?.active).toBe(true);
    for (const [vaccine, codes] of Object.entries(euVaccineCodes)) {
      expect(types[codes.vp]?.active, `${vaccine} vp`).toBe(true);
      if (vaccine === 'CORBEVAX') {
        expect(products[codes.mp]).toBeUndefined();
        expect(holders[codes.ma]).toBeUndefined();
        continue;
      }
      expect(products[codes.mp]?.active, `${vaccine} mp`).toBe(true);
      expect(holders[codes.ma]?.active, `${vaccine} ma`).toBe(true);
    }
  });

  it('pairs product, holder and type as Annex A (vaccine-encoding-instructions) does', () => {
    const annexA = Object.values(valueSet('vaccine-encoding-instructions')) as unknown as { 'vaccine-code': string; 'vaccine-manufacturer': string; 'sct-codes': string[] }[];
    for (const [vaccine, codes] of Object.entries(euVaccineCodes)) {
      if (vaccine === 'CORBEVAX') continue;
      const row = annexA.find((r) => r['vaccine-code'] === codes.mp);
      expect(row, vaccine).toBeDefined();
      expect(row!['vaccine-manufacturer']).toBe(codes.ma);
      expect(row!['sct-codes']).toContain(codes.vp);
    }
  });
});

describe('EU DCC schema', () => {
  for (const kind of ['valid', 'invalid'] as const) {
    it(`judges the schema repository's ${kind} test cases ${kind}`, () => {
      const files = fs.readdirSync(new URL(`schema-tests/${kind}/`, fixtures));
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        expect(checkDccSchema(readJson(`schema-tests/${kind}/${file}`)).valid, file).toBe(kind === 'valid');
      }
    });
  }

  it('accepts every official example', () => {
    for (const kind of ['vaccination', 'test', 'recovery']) {
      for (const file of fs.readdirSync(new URL(`schema-examples/${kind}/`, fixtures))) {
        expect(checkDccSchema(readJson(`schema-examples/${kind}/${file}`)), `${kind}/${file}`).toEqual({ valid: true });
      }
    }
  });

  it('names the failing field', () => {
    const check = checkDccSchema({ ver: '1.3.0', nam: { fnt: 'X' }, dob: '1990', v: [{ dn: 0 }] });
    expect(check.valid).toBe(false);
    if (!check.valid) expect(check.errors.join('\n')).toMatch(/\/v\/0/);
  });
});
