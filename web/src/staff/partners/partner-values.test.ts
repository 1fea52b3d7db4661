import { describe, expect, it } from 'vitest';
import type { PartnerView } from './partner-types.js';
import {
  checkAllowlist, checkJwks, checkPartner, checkQuota, emptyPartner, fieldOfRefusal, isIpOrRange, partnerBodyOf, partnerChangesOf, valuesOf,
} from './partner-values.js';

const ecKey = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'wallet-2026' };

const partner: PartnerView = {
  id: 'p1', client_id: 'client-1', name: 'DigiLocker', purpose: 'Document wallet', scopes: ['certificate_pull', 'consented'],
  ip_allowlist: ['203.0.113.0/24'], key_ids: ['wallet-2026'], quotas: { requests_per_minute: 60, requests_per_day: 10_000, subjects_per_day: 1000 },
  disabled: false, created_at: '2026-11-28T09:00:00Z', api_key_created_at: null, token_url: 'http://127.0.0.1:3000/api/partner/oauth/token',
};

describe('an IP allowlist line', () => {
  it('is an IPv4 or IPv6 address, or a range of either', () => {
    for (const entry of ['203.0.113.7', '203.0.113.0/24', '10.0.0.0/8', '0.0.0.0/0', '2001:db8::1', '2001:db8::/32', '::1', '::ffff:192.0.2.1']) {
      expect(isIpOrRange(entry), entry).toBe(true);
    }
  });

  it('is refused when it is a name, a bad address or a prefix too long', () => {
    for (const entry of ['example.org', '203.0.113', '256.1.1.1', '01.2.3.4', '203.0.113.0/33', '2001:db8::/129', '2001:db8:::1', '1.2.3.4/24/1', '1.2.3.4/']) {
      expect(isIpOrRange(entry), entry).toBe(false);
    }
  });

  it('comes one a line, blank lines skipped, and a bad line is named by its number', () => {
    expect(checkAllowlist('203.0.113.7\n\n  2001:db8::/32  \n203.0.113.7\n')).toEqual({ ok: true, entries: ['203.0.113.7', '2001:db8::/32'] });
    expect(checkAllowlist('203.0.113.7\r\nexample.org')).toEqual({ ok: false, problem: 'invalid', line: 2, value: 'example.org' });
    expect(checkAllowlist(' \n ')).toEqual({ ok: false, problem: 'missing' });
  });
});

describe('a pasted key set', () => {
  it('is EC P-256 or RSA public keys, each kid used once; a key without a kid is named by the server', () => {
    const rsaKey = { kty: 'RSA', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw', e: 'AQAB' };
    expect(checkJwks(JSON.stringify({ keys: [ecKey, { ...ecKey, kid: 'wallet-2027' }, rsaKey] })))
      .toMatchObject({ ok: true, kids: ['wallet-2026', 'wallet-2027', undefined] });
  });

  it('names what is wrong, and which key', () => {
    expect(checkJwks('')).toEqual({ ok: false, problem: 'missing' });
    expect(checkJwks('{"keys": [')).toEqual({ ok: false, problem: 'json' });
    expect(checkJwks(JSON.stringify([ecKey]))).toEqual({ ok: false, problem: 'shape' });
    expect(checkJwks('{"keys": []}')).toEqual({ ok: false, problem: 'empty' });
    expect(checkJwks(JSON.stringify({ keys: Array.from({ length: 6 }, (_, i) => ({ ...ecKey, kid: `k${i}` })) }))).toEqual({ ok: false, problem: 'tooMany' });
    expect(checkJwks(JSON.stringify({ keys: [ecKey, { kty: 'OKP', crv: 'Ed25519', x: 'abc', kid: 'ed' }] }))).toEqual({ ok: false, problem: 'kty', key: 2 });
    expect(checkJwks(JSON.stringify({ keys: [{ ...ecKey, crv: 'P-384' }] }))).toEqual({ ok: false, problem: 'crv', key: 1 });
    expect(checkJwks(JSON.stringify({ keys: [{ ...ecKey, kid: 'has space' }] }))).toEqual({ ok: false, problem: 'kid', key: 1 });
    expect(checkJwks(JSON.stringify({ keys: [ecKey, ecKey] }))).toEqual({ ok: false, problem: 'duplicate', kid: 'wallet-2026' });
  });

  it('refuses a private or secret key, whatever else is wrong with it', () => {
    expect(checkJwks(JSON.stringify({ keys: [{ ...ecKey, crv: 'P-384', d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI' }] })))
      .toEqual({ ok: false, problem: 'private', key: 1, member: 'd' });
    expect(checkJwks(JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'shared' }] }))).toEqual({ ok: false, problem: 'private', key: 1, member: 'k' });
  });
});

describe('a limit', () => {
  it('is a whole number in the server\'s range for it; digit group separators are allowed', () => {
    expect(checkQuota('requests_per_minute', '60')).toBe(60);
    expect(checkQuota('requests_per_day', ' 10,000 ')).toBe(10_000);
    expect(checkQuota('requests_per_day', '100000000')).toBe(100_000_000);
    expect(checkQuota('subjects_per_day', '0')).toBe(0);
    for (const text of ['0', '-5', '1.5', '', 'ten', '100001']) expect(checkQuota('requests_per_minute', text), text).toBeUndefined();
    expect(checkQuota('subjects_per_day', '10000001')).toBeUndefined();
  });
});

describe('the partner form', () => {
  it('names every problem in form order; an empty key box is fine only when editing', () => {
    const fields = (keysRequired: boolean) => checkPartner({ ...emptyPartner, quotas: { ...emptyPartner.quotas, requests_per_day: '0' } }, keysRequired).map((p) => p.field);
    expect(fields(true)).toEqual(['name', 'purpose', 'scopes', 'ip_allowlist', 'jwks', 'requests_per_day']);
    expect(fields(false)).toEqual(['name', 'purpose', 'scopes', 'ip_allowlist', 'requests_per_day']);
  });

  it('sends a registration in the server\'s shape, scopes in their usual order', () => {
    const values = {
      ...emptyPartner, name: ' DigiLocker ', purpose: 'Document wallet', scopes: ['certificate_pull', 'consented'] as const,
      ipAllowlist: '203.0.113.0/24\n', jwks: JSON.stringify({ keys: [ecKey] }),
    };
    expect(checkPartner({ ...values, scopes: [...values.scopes] }, true)).toEqual([]);
    expect(partnerBodyOf({ ...values, scopes: [...values.scopes] })).toEqual({
      name: 'DigiLocker', purpose: 'Document wallet', scopes: ['consented', 'certificate_pull'], ip_allowlist: ['203.0.113.0/24'],
      jwks: { keys: [ecKey] }, quotas: { requests_per_minute: 60, requests_per_day: 10_000, subjects_per_day: 1000 },
    });
  });

  it('sends only what changed when editing, and keys only when pasted', () => {
    const values = valuesOf(partner);
    expect(partnerChangesOf(partner, values)).toEqual({});
    expect(partnerChangesOf(partner, { ...values, ipAllowlist: '203.0.113.0/24\n198.51.100.9', quotas: { ...values.quotas, subjects_per_day: '500' } }))
      .toEqual({ ip_allowlist: ['203.0.113.0/24', '198.51.100.9'], quotas: { requests_per_minute: 60, requests_per_day: 10_000, subjects_per_day: 500 } });
    expect(partnerChangesOf(partner, { ...values, jwks: JSON.stringify({ keys: [ecKey] }) })).toEqual({ jwks: { keys: [ecKey] } });
  });
});

describe('the field a server refusal names', () => {
  it('is the first part of its path, or the limit for a quota', () => {
    expect(fieldOfRefusal('jwks.keys[0].crv: must be "P-256" for an EC key (ES256)')).toBe('jwks');
    expect(fieldOfRefusal('ip_allowlist[2]: "example.org" is not an IPv4 or IPv6 address or CIDR block (e.g. 203.0.113.0/24)')).toBe('ip_allowlist');
    expect(fieldOfRefusal('ip_allowlist.1: must NOT have more than 50 characters')).toBe('ip_allowlist');
    expect(fieldOfRefusal('quotas.requests_per_day: must be <= 100000000')).toBe('requests_per_day');
    expect(fieldOfRefusal('name: must NOT have fewer than 2 characters')).toBe('name');
  });

  it('is nothing for a sentence about the whole request', () => {
    expect(fieldOfRefusal('No such partner. Check the id in the partner list.')).toBeUndefined();
    expect(fieldOfRefusal('body: must NOT have fewer than 1 properties')).toBeUndefined();
  });
});
