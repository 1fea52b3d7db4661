import { Decoder, Encoder, Tag } from 'cbor-x';

/**
 * CBOR (RFC 8949) for HCERT, through cbor-x with its extensions switched off.
 *
 * Encoding: plain maps, arrays, text and byte strings, as the eHN schema FAQ ("CBOR Encoding") asks
 * of issuers: no record extension, no tag 259 on Maps, no tag 64 on byte strings, and map headers
 * sized to their entries (RFC 8949 §4.2.1 preferred serialisation).
 *
 * Decoding: a QR code is untrusted input, and cbor-x understands far more than HCERT needs (records,
 * shared references that can build cycles, RegExp and Error objects, typed arrays, Sets). We let it
 * parse, then accept only the data model HCERT uses and refuse the rest, with a depth bound so a
 * cyclic or very deep structure cannot hang or overflow the verifier.
 */
export class CborError extends Error {}

const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, variableMapSize: true, tagUint8Array: false });
const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });

/** What a decoded item may be: the CBOR data model, keys of maps limited to text and integers. */
export type CborValue = string | number | boolean | null | Uint8Array | CborValue[] | CborMap | CborTag;
export type CborMap = Map<string | number, CborValue>;
export class CborTag {
  constructor(readonly tag: number, readonly value: CborValue) {}
}

const maxDepth = 16;

export function encodeCbor(value: unknown): Uint8Array {
  return new Uint8Array(encoder.encode(value));
}

/** Decodes exactly one CBOR item that fills `bytes`; trailing bytes are an error (RFC 8949 §5.3). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  let raw: unknown;
  try {
    raw = decoder.decode(bytes);
  } catch (error) {
    throw new CborError(`not well-formed CBOR: ${(error as Error).message}`);
  }
  return toCborValue(raw, 0);
}

function toCborValue(raw: unknown, depth: number): CborValue {
  if (depth > maxDepth) throw new CborError('CBOR nests deeper than HCERT ever needs');
  if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new CborError('CBOR holds a non-finite number');
    return raw;
  }
  if (raw instanceof Uint8Array) return new Uint8Array(raw);
  if (Array.isArray(raw)) return raw.map((item) => toCborValue(item, depth + 1));
  if (raw instanceof Map) {
    const map: CborMap = new Map();
    for (const [key, value] of raw) {
      if (typeof key !== 'string' && !Number.isSafeInteger(key)) throw new CborError('a CBOR map key is neither text nor an integer');
      // A duplicate key has already been collapsed (last wins) by cbor-x. That cannot alter what a
      // signature covers, since the signature is over the bytes; only the signer could exploit it.
      map.set(key, toCborValue(value, depth + 1));
    }
    return map;
  }
  if (raw instanceof Tag) return new CborTag(raw.tag, toCborValue(raw.value, depth + 1));
  // cbor-x turns tag 0 (RFC 3339 text) into a Date. The schema FAQ lets issuers tag `sc` this way and
  // tells verifiers to read it, so we hand the text back; milliseconds appear only if there were any.
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) throw new CborError('CBOR holds an invalid date');
    return raw.toISOString().replace('.000Z', 'Z');
  }
  throw new CborError(`CBOR holds an item HCERT does not use (${Object.prototype.toString.call(raw)})`);
}

/** A map with text keys as a JSON object; own properties only, so a `__proto__` key stays a key. */
export function cborToJson(value: CborValue): unknown {
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of value) {
      if (typeof key !== 'string') throw new CborError('a JSON object in CBOR has a non-text key');
      Object.defineProperty(object, key, { value: cborToJson(item), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  if (Array.isArray(value)) return value.map(cborToJson);
  if (value instanceof CborTag) return cborToJson(value.value);
  if (value instanceof Uint8Array) throw new CborError('a JSON value in CBOR is a byte string');
  return value;
}
