import { describe, expect, it } from 'vitest';
import { newCertificateSigningKey } from '../../core/crypto/keyring.js';
import { verifyHc1 } from './formats/eu-dcc/verify.js';
import { issueHc1 } from './formats/eu-dcc/issue.js';
import { generateUvci } from './formats/uvci.js';
import { CertificateSigner } from './signer.js';

const now = new Date('2026-11-28T10:00:00Z');
function sign(signer: CertificateSigner): string {
  const key = signer.current();
  return issueHc1({
    familyName: 'Devi', givenName: 'Asha', dateOfBirth: '1985', vaccine: 'COVAXIN', doseNumber: 1, totalDoses: 2, date: '2026-11-28',
    country: 'IN', issuer: 'Ministry of Health and Family Welfare, India', uvci: generateUvci(),
    issuedAt: now, expiresAt: new Date('2027-11-28T10:00:00Z'),
  }, { kid: key.kid, privateKey: key.privateKey }).hc1;
}

describe('CertificateSigner and key rotation', () => {
  it('signs with the newest key and keeps trusting the older ones until they are retired', () => {
    const first = newCertificateSigningKey(now);
    const old = sign(new CertificateSigner([first]));
    const rotated = new CertificateSigner([first, newCertificateSigningKey(now)]);
    const fresh = sign(rotated);
    const trust = (signer: CertificateSigner) => (kid: Uint8Array) => signer.trusted(kid);
    expect(verifyHc1(old, trust(rotated), now).valid).toBe(true);
    expect(verifyHc1(fresh, trust(rotated), now).valid).toBe(true);
    const retired = new CertificateSigner([{ ...first, retiredAt: now.toISOString() }, newCertificateSigningKey(now)]);
    expect(verifyHc1(old, trust(retired), now)).toMatchObject({ valid: false, reason: 'UNKNOWN_KID' });
  });

  it('refuses to work without a signing key', () => {
    expect(() => new CertificateSigner([])).toThrow(/no certificate signing key/);
  });
});
