import { todayInIndia } from '../../core/calendar-date.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { verifyHc1 } from './formats/eu-dcc/verify.js';
import type { CertificateSigner } from './signer.js';
import * as store from './store.js';

export interface VerificationResult {
  valid: boolean;
  /** Why not, in words a verifier at a door can act on. */
  reason?: string;
  /** The minimum a verifier needs to match the certificate to the person in front of them. */
  certificate?: { name: string; age: number; vaccine: string; dose: string; date: string; status: 'valid' | 'revoked' };
}

const productNames: Record<string, string> = {
  Covishield: 'COVISHIELD', Covaxin: 'COVAXIN', 'Sputnik-V': 'SPUTNIK V', Corbevax: 'CORBEVAX', Covovax: 'COVOVAX',
};

/**
 * Verifies a certificate's QR: signature by one of Teeka's unretired keys, validity dates, schema,
 * and the revocation list. Answers only the minimum (name, age, vaccine, dose, date, status): no
 * ID number, no mobile, nothing a verifier could collect beyond what the QR already shows.
 */
export class CertificateVerifier {
  constructor(private readonly deps: { db: Db; clock: Clock; signer: CertificateSigner }) {}

  async verify(qr: string): Promise<VerificationResult> {
    const now = this.deps.clock.now();
    const text = qr.trim();
    if (!text.startsWith('HC1:')) return { valid: false, reason: 'This is not a Teeka certificate QR code (it should start with HC1:).' };
    const checked = verifyHc1(text, (kid) => this.deps.signer.trusted(kid), now);
    if (!checked.valid) return { valid: false, reason: reasonFor(checked.reason) };
    const entry = checked.payload.v?.[0];
    if (!entry) return { valid: false, reason: 'The certificate holds no vaccination.' };
    const issued = await store.selectCertificateByUvci(this.deps.db, entry.ci);
    const revoked = !issued || issued.revoked_at !== null;
    const { nam, dob } = checked.payload;
    return {
      valid: !revoked,
      ...(revoked ? { reason: issued ? 'This certificate has been revoked.' : 'Teeka has no record of this certificate.' } : {}),
      certificate: {
        name: [nam.gn, nam.fn].filter(Boolean).join(' '),
        age: Number(todayInIndia(now).slice(0, 4)) - Number(String(dob).slice(0, 4)),
        vaccine: productNames[entry.mp] ?? entry.mp,
        dose: `${entry.dn}/${entry.sd}`,
        date: entry.dt,
        status: revoked ? 'revoked' : 'valid',
      },
    };
  }
}

function reasonFor(code: string): string {
  switch (code) {
    case 'SIGNATURE': return 'The signature does not match: the certificate was altered or not issued by Teeka.';
    case 'UNKNOWN_KID': return 'The certificate was signed with a key Teeka does not trust.';
    case 'EXPIRED': return 'The certificate has expired.';
    case 'NOT_YET_VALID': return 'The certificate is not valid yet.';
    case 'SCHEMA': return 'The certificate\'s contents do not follow the EU DCC schema.';
    default: return 'The QR code could not be read as a certificate.';
  }
}
