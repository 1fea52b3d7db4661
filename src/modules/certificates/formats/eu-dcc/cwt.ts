import { CborError, cborToJson, decodeCbor, encodeCbor } from './cbor.js';

/**
 * The CWT (RFC 8392) inside an HCERT, per eHN HCERT spec v1.0.5 §3.3: claim 1 iss (ISO 3166-1
 * alpha-2 of the issuing country), 4 exp, 6 iat (whole seconds since the epoch), and -260 hcert, a
 * map whose key 1 holds the EU DCC payload (a JSON object written as CBOR).
 */
export const cwtClaimKey = { iss: 1, exp: 4, iat: 6, hcert: -260 } as const;
const euDccV1 = 1;

export interface HcertClaims {
  issuer: string | undefined;
  issuedAt: Date;
  expiresAt: Date;
  payload: Record<string, unknown>;
}

const toSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function encodeHcertClaims(claims: { issuer: string; issuedAt: Date; expiresAt: Date; payload: object }): Uint8Array {
  return encodeCbor(
    new Map<number, unknown>([
      [cwtClaimKey.iss, claims.issuer],
      [cwtClaimKey.exp, toSeconds(claims.expiresAt)],
      [cwtClaimKey.iat, toSeconds(claims.issuedAt)],
      [cwtClaimKey.hcert, new Map([[euDccV1, claims.payload]])],
    ]),
  );
}

/** Reads the claims of a signed payload. Anything that is not an HCERT CWT is a CborError. */
export function decodeHcertClaims(bytes: Uint8Array): HcertClaims {
  const claims = decodeCbor(bytes);
  if (!(claims instanceof Map)) throw new CborError('the CWT is not a map of claims');
  const issuer = claims.get(cwtClaimKey.iss);
  if (issuer !== undefined && typeof issuer !== 'string') throw new CborError('CWT iss is not text');
  const time = (key: number, name: string) => {
    const seconds = claims.get(key);
    // Issuer quality check I-CO4: iat and exp are integers, seconds since the epoch.
    if (!Number.isSafeInteger(seconds)) throw new CborError(`CWT ${name} is missing or not a whole number of seconds`);
    return new Date((seconds as number) * 1000);
  };
  const hcert = claims.get(cwtClaimKey.hcert);
  if (!(hcert instanceof Map)) throw new CborError('CWT has no hcert claim (-260)');
  const dcc = hcert.get(euDccV1);
  if (!(dcc instanceof Map)) throw new CborError('hcert claim has no EU DCC v1 payload (key 1)');
  return { issuer, issuedAt: time(cwtClaimKey.iat, 'iat'), expiresAt: time(cwtClaimKey.exp, 'exp'), payload: cborToJson(dcc) as Record<string, unknown> };
}
