import { describe, expect, it } from 'vitest';
import { CborError, CborTag, cborToJson, decodeCbor, encodeCbor, type CborValue } from './cbor.js';

const decodeHex = (hex: string) => decodeCbor(Buffer.from(hex, 'hex'));
const hexOf = (value: unknown) => Buffer.from(encodeCbor(value)).toString('hex');

describe('HCERT CBOR', () => {
  it('encodes plain maps with integer keys, byte strings without tag 64 and no tag 259', () => {
    expect(hexOf(new Map<number, unknown>([[1, -7], [4, new Uint8Array([1, 2])]]))).toBe('a20126044201' + '02');
    expect(hexOf({ ver: '1.3.0' })).toBe('a16376657265312e332e30');
    expect(hexOf([new Uint8Array(0)])).toBe('8140');
  });

  it('reads definite and indefinite maps, tags and the data model HCERT uses', () => {
    expect(decodeHex('bf6161f5ff')).toEqual(new Map([['a', true]]));
    expect(decodeHex('d28140')).toEqual(new CborTag(18, [new Uint8Array(0)]));
    expect(decodeHex('83f6fb3ff800000000000020')).toEqual([null, 1.5, -1]);
  });

  it('hands tagged date-time text back as text (eu-dcc-schema FAQ, "CBOR Encoding")', () => {
    expect(decodeHex('c074323032312d30322d32305431323a33343a35365a')).toBe('2021-02-20T12:34:56Z');
  });

  it('refuses what is not one well-formed item', () => {
    expect(() => decodeHex('')).toThrow(CborError);
    expect(() => decodeHex('0000')).toThrow(CborError); // trailing bytes
    expect(() => decodeHex('82')).toThrow(CborError); // truncated
    expect(() => decodeHex('ff')).toThrow(CborError); // a lone break
  });

  it('refuses cbor-x extensions a QR code has no business carrying', () => {
    const exotic = {
      'a shared reference cycle (tags 28, 29)': 'd81c81d81d00',
      'a record (tag 105)': 'd8698219e000816161',
      'a RegExp (tag 27)': 'd81b8366526567457870' + '62612a60',
      'a Set (tag 258)': 'd90102820102',
      'a bignum (tag 2)': 'c249010000000000000000',
      'undefined': 'f7',
      'NaN': 'f97e00',
      'a fractional map key': 'a1f93e0001',
    };
    for (const [name, hex] of Object.entries(exotic)) expect(() => decodeHex(hex), name).toThrow(CborError);
  });

  it('refuses nesting deeper than HCERT needs', () => {
    expect(() => decodeHex('81'.repeat(40) + '01')).toThrow(/deeper/);
    expect(decodeHex('81'.repeat(10) + '01')).toBeDefined();
  });

  it('turns text-keyed maps into JSON objects whose keys stay keys', () => {
    const json = cborToJson(new Map<string, CborValue>([['__proto__', new Map([['polluted', true]])], ['a', [1, 'b']]])) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => cborToJson(new Map([[1, 'x']]))).toThrow(CborError);
    expect(() => cborToJson(new Map([['a', new Uint8Array(1)]]))).toThrow(CborError);
  });
});
