import { describe, expect, it } from 'vitest';
import type { ConsentView } from './consent-types.js';
import { consentsByMember } from './member-consents.js';

const consent = (id: string, member: string, grantedDay: number, status: ConsentView['status']): ConsentView => ({
  id, partner_name: `Partner ${id}`, partner_purpose: 'Wallet', purpose: 'Show certificates', data: ['certificates'],
  beneficiary_reference_id: member === 'Asha' ? '12345678901234' : '22345678901234', member_name: member,
  granted_at: `2026-11-${String(grantedDay).padStart(2, '0')}T10:00:00.000Z`, expires_at: '2027-02-01T10:00:00.000Z',
  revoked_at: status === 'revoked' ? '2026-11-20T10:00:00.000Z' : null, status, last_used_at: null,
});

describe('My consents, by member', () => {
  it('lists members in the order of their first consent, each with active consents first, then the newest', () => {
    const grouped = consentsByMember([
      consent('a', 'Ravi', 12, 'revoked'), consent('b', 'Asha', 3, 'approved'), consent('c', 'Ravi', 5, 'approved'),
      consent('d', 'Asha', 14, 'expired'), consent('e', 'Asha', 10, 'approved'),
    ]);
    expect(grouped.map((m) => [m.name, m.consents.map((c) => c.id)])).toEqual([['Asha', ['e', 'b', 'd']], ['Ravi', ['c', 'a']]]);
  });

  it('is empty without consents', () => {
    expect(consentsByMember([])).toEqual([]);
  });
});
