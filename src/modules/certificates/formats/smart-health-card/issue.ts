import type { KeyObject } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { CompactSign } from 'jose';
import type { VaccinationCertificateData } from '../vaccination-certificate-data.js';
import { buildHealthCardPayload } from './health-card-vc.js';
import { shcKidOf } from './jwks.js';
import { toShcNumeric } from './numeric.js';

/**
 * The spec keeps a card within one version-22 QR code at error correction L: a JWS of at most 1,195
 * characters. Larger cards scan badly on old phones, so we refuse to make them.
 */
export const maxShcJwsLength = 1195;

/**
 * `iss` is where verifiers fetch `/.well-known/jwks.json`, so it must be an https URL without a
 * trailing slash (spec, "Issuer"). Plain http is allowed only for a development server on this machine.
 */
export function assertIssuerUrl(issuerUrl: string): void {
  let url: URL;
  try {
    url = new URL(issuerUrl);
  } catch {
    throw new RangeError('issuerUrl is not a URL');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw new RangeError('issuerUrl must use https');
  if (issuerUrl.endsWith('/') || url.search || url.hash) throw new RangeError('issuerUrl must not end in "/" or carry a query or fragment');
}

/**
 * A SMART Health Card: JWS compact serialisation, header {alg ES256, zip DEF, kid}, payload the
 * minified credential compressed with raw DEFLATE (RFC 1951, no zlib header), and its `shc:/`
 * numeric form for the QR code. `kid` must be the key's thumbprint (jwks.ts).
 */
export async function issueShc(input: {
  data: VaccinationCertificateData & { issuedAt: Date; lotNumber?: string };
  issuerUrl: string;
  key: KeyObject;
  kid: string;
  rid: string;
}): Promise<{ jws: string; qrNumeric: string }> {
  assertIssuerUrl(input.issuerUrl);
  if (input.key.type !== 'private') throw new RangeError('issueShc needs the private key');
  if ((await shcKidOf(input.key)) !== input.kid) throw new RangeError('kid is not the RFC 7638 thumbprint of the signing key');
  const payload = buildHealthCardPayload({ data: input.data, issuerUrl: input.issuerUrl, issuedAt: input.data.issuedAt, rid: input.rid });
  const compressed = deflateRawSync(JSON.stringify(payload), { level: 9 });
  const jws = await new CompactSign(compressed).setProtectedHeader({ alg: 'ES256', zip: 'DEF', kid: input.kid }).sign(input.key);
  if (jws.length > maxShcJwsLength) throw new RangeError(`the card is ${jws.length} characters; one QR code holds ${maxShcJwsLength}`);
  return { jws, qrNumeric: toShcNumeric(jws) };
}
