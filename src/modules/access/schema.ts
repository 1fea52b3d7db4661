export const staffRoles = ['national_admin', 'state_admin', 'district_admin', 'facility_admin', 'vaccinator', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Where a staff account may act: the whole nation, one state, one district or one centre. */
export type StaffScope =
  | { level: 'nation' }
  | { level: 'state'; stateId: number }
  | { level: 'district'; districtId: number }
  | { level: 'facility'; facilityId: number };

/** Who is acting. */
export type Actor =
  | { kind: 'citizen'; accountId: string; sessionId: string; ip?: string | undefined }
  | { kind: 'staff'; staffId: string; role: StaffRole; scope: StaffScope; sessionId: string; ip?: string | undefined }
  /** A registered partner (research council, document wallet, health app) calling with an OAuth access token. */
  | { kind: 'partner'; partnerId: string; tokenId: string; ip?: string | undefined }
  | { kind: 'system'; name: string };

/** Whose personal data: one family member, or the account itself (its mobile). */
export type Subject =
  | { kind: 'beneficiary'; id: string }
  | { kind: 'account'; id: string };

/** Why personal data is read; every access event names one. */
export type Purpose = 'self-service' | 'booking' | 'appointment-slip' | 'export' | 'correction' | 'vaccination-roster' | 'vaccinate' | 'certificate' | 'notification'
  | 'correction-review' | 'aefi'
  /** A partner reading what a citizen's consent names (vaccination status, certificates, ...). */
  | 'partner-consent'
  /** Telling a person that their record was read (transparency SMS, DPDP Rule 7 breach notice). */
  | 'breach-notice';

export type PersonalField = 'name' | 'mobile' | 'photo_id' | 'birth_year' | 'gender' | 'security_code'
  /** Doses received and what they add up to: health data, read by partners under a consent (decision 0017). */
  | 'vaccination_status';

declare const ticketBrand: unique symbol;

/**
 * Permission to read one subject's personal data for one purpose. Only the access module makes
 * tickets (DESIGN.md §4), and every store function that returns personal data takes one, so code
 * that skipped `authorize` does not compile.
 */
export interface Ticket {
  readonly [ticketBrand]: true;
  readonly actor: Actor;
  readonly subject: Subject;
  /** The account the subject belongs to, checked when the ticket was made. */
  readonly accountId: string;
  readonly purpose: Purpose;
  readonly fields: readonly PersonalField[];
}

export interface AccessRequest {
  subject: Subject;
  purpose: Purpose;
  fields: readonly PersonalField[];
}

/** A fact for the hash-chained audit log. Types are past-tense facts: `access.granted`, `otp.sent`. */
export interface AuditEventInput {
  type: string;
  actor: Actor;
  subject?: string | undefined;
  purpose?: Purpose | undefined;
  fields?: readonly string[] | undefined;
  outcome: 'allowed' | 'denied' | 'done' | 'failed';
  ip?: string | undefined;
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditEvent {
  seq: number;
  at: Date;
  type: string;
  actorKind: string;
  actorId: string;
  subject: string | null;
  purpose: string | null;
  fields: string[];
  outcome: string;
  ip: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case 'citizen': return actor.accountId;
    case 'staff': return actor.staffId;
    case 'partner': return actor.partnerId;
    case 'system': return actor.name;
  }
}
