import fs from 'node:fs';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dccKidOf, exportSigningKey, generateSigningKey, importSigningKey, importVerificationKey } from './signing-key.js';

describe('certificate signing keys', () => {
  it('generates P-256 keys whose kid is the first 8 bytes of SHA-256 over the SPKI', () => {
    const key = generateSigningKey();
    expect(key.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(Buffer.from(key.kid, 'base64')).toHaveLength(8);
    expect(Buffer.from(key.kid, 'base64')).toEqual(createHash('sha256').update(key.spki).digest().subarray(0, 8));
    expect(key.spki).toEqual(key.publicKey.export({ type: 'spki', format: 'der' }));
    expect(generateSigningKey().kid).not.toBe(key.kid);
  });

  it('survives export to PEM and import with the same kid and a working key pair', () => {
    const key = generateSigningKey();
    const { privateKeyPem, publicKeyPem } = exportSigningKey(key);
    expect(privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    const imported = importSigningKey(privateKeyPem);
    const published = importVerificationKey(publicKeyPem);
    expect(imported.kid).toBe(key.kid);
    expect(published.kid).toBe(key.kid);
    const signature = sign('sha256', Buffer.from('dose'), imported.privateKey);
    expect(verify('sha256', Buffer.from('dose'), published.publicKey, signature)).toBe(true);
  });

  it('refuses keys on other curves or of other types', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => importSigningKey(p384.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(RangeError);
    expect(() => importSigningKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(RangeError);
    expect(() => importVerificationKey(p384.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(RangeError);
  });

  it('computes the kid of an official test certificate as the vectors do', () => {
    // CO3's signer certificate; its COSE protected header carries kid ac3690ee8361cc96.
    const vector = new URL('../../../../test/fixtures/eu-dcc/testdata/CO3.json', import.meta.url);
    const der = Buffer.from((JSON.parse(fs.readFileSync(vector, 'utf8')) as { TESTCTX: { CERTIFICATE: string } }).TESTCTX.CERTIFICATE, 'base64');
    expect(dccKidOf(der).toString('hex')).toBe('ac3690ee8361cc96');
  });
});
