import type { TouchedPerson } from './breach-report.js';

/** What one account's notice says; built from that account's own people only. */
export interface NoticeFacts {
  incidentId: string;
  actorKind: 'staff' | 'partner';
  /** This account's people, whose reference IDs end in these digits. */
  people: Pick<TouchedPerson, 'referenceId' | 'firstAt' | 'lastAt' | 'fields'>[];
  /** Whether the credential was already stopped (suspended, locked, disabled) when the notice went out. */
  accessStopped: boolean;
  /** Who answers the person's questions for Teeka (DPDP Rules 2025, rule 7(1)(e)). */
  contact: string;
  publicUrl: string;
}

const fieldNames: Record<string, string> = {
  name: 'name',
  mobile: 'mobile number',
  photo_id: 'ID document number',
  birth_year: 'year of birth',
  gender: 'gender',
  security_code: 'appointment security code',
};

const day = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Kolkata' });

/** "the record of your family member whose reference ID ends 1234", or "records ... end 1234 and 5678". */
function whose(endings: string[]): string {
  if (endings.length === 0) return 'a record of a member of your family';
  if (endings.length === 1) return `the record of your family member whose reference ID ends ${endings[0]}`;
  return `the records of your family members whose reference IDs end ${endings.slice(0, -1).join(', ')} and ${endings.at(-1)}`;
}

/**
 * The DPDP Rule 7(1) intimation, as one SMS: (a) what happened, to which data, when; (b) what it may
 * lead to; (c) what Teeka did; (d) what the person can do; (e) whom to ask. It names the person's
 * own family members by the last four digits of their reference IDs (as correction notices do,
 * decision 0011) and nothing about anyone else, not even how many other people were affected.
 */
export function breachNoticeText(facts: NoticeFacts): string {
  const endings = [...new Set(facts.people.flatMap((p) => (p.referenceId ? [p.referenceId.slice(-4)] : [])))].sort();
  const fields = [...new Set(facts.people.flatMap((p) => p.fields))].map((f) => fieldNames[f] ?? f.replace(/_/g, ' '));
  const first = day.format(new Date(Math.min(...facts.people.map((p) => p.firstAt.getTime()))));
  const last = day.format(new Date(Math.max(...facts.people.map((p) => p.lastAt.getTime()))));
  const when = first === last ? `on ${first}` : `between ${first} and ${last}`;
  const who = facts.actorKind === 'staff' ? 'a misused staff login' : "a partner organisation's misused access";
  return [
    `Teeka data breach notice ${facts.incidentId}: ${when}, ${who} opened ${whose(endings)}, seeing: ${fields.join(', ')}.`,
    'Someone may use this to pose as a health worker or official.',
    `${facts.accessStopped ? 'We have blocked that access' : 'We are blocking that access'} and reported it to CERT-In.`,
    'Never share an OTP or security code; Teeka never asks for one by phone.',
    `See who opened your records: ${facts.publicUrl}/my-data. Questions: ${facts.contact}.`,
  ].join(' ');
}
