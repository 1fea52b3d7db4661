import type { ConsentView } from './consent-types.js';

export interface MemberConsents {
  referenceId: string;
  name: string;
  consents: ConsentView[];
}

/**
 * The consents by family member, members in the order their first consent was given; within a
 * member the active ones first, then the newest.
 */
export function consentsByMember(consents: readonly ConsentView[]): MemberConsents[] {
  const members = new Map<string, MemberConsents>();
  const byGranted = [...consents].sort((a, b) => a.granted_at.localeCompare(b.granted_at));
  for (const consent of byGranted) {
    const member = members.get(consent.beneficiary_reference_id)
      ?? { referenceId: consent.beneficiary_reference_id, name: consent.member_name, consents: [] };
    member.consents.push(consent);
    members.set(consent.beneficiary_reference_id, member);
  }
  for (const member of members.values()) {
    member.consents.sort((a, b) => Number(b.status === 'approved') - Number(a.status === 'approved') || b.granted_at.localeCompare(a.granted_at));
  }
  return [...members.values()];
}
