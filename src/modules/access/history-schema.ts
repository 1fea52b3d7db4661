import { Type, type Static } from '@sinclair/typebox';

/**
 * Shapes of "Who accessed my data" (decision 0016). A leaf file with no Node imports, so the web
 * app can `import type` from it. Entries name people by what they were (role and centre, partner
 * name), never by staff id or username, and carry no one's personal data.
 */
export const AccessWho = Type.Object({
  /** `you` appears only in the owner's download; the page and API leave the owner's own acts out. */
  kind: Type.Union([
    Type.Literal('you'), Type.Literal('another-account'), Type.Literal('staff'), Type.Literal('partner'), Type.Literal('system'),
  ]),
  /** Staff: the role they held when they acted (`vaccinator`, `district_admin`, ...). */
  role: Type.Optional(Type.String()),
  /** Staff working at a centre: its name; with its district and state. */
  centre: Type.Optional(Type.String()),
  district: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  /** Partners: the name and purpose they were registered with. */
  partner: Type.Optional(Type.String()),
  partner_purpose: Type.Optional(Type.String()),
  /** The platform itself: which part of it (`vaccination`, `access-notices`, ...). */
  service: Type.Optional(Type.String()),
});

/** What a change was about, from a fixed list of the event's details; never ids, batches or addresses. */
export const AccessChange = Type.Object({
  dose: Type.Optional(Type.Integer()),
  vaccine: Type.Optional(Type.String()),
  /** The field a correction was about. */
  field: Type.Optional(Type.String()),
  /** Certificates issued (a dose) or issued again with the old ones revoked (a correction). */
  certificates: Type.Optional(Type.Integer()),
  /** How an encounter was opened: the appointment's security code or an OTP. */
  method: Type.Optional(Type.String()),
});

export const AccessHistoryEntry = Type.Object({
  /** Position in the audit chain; `before` pages by it. */
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  /** The audit event: `access.granted`, `access.denied`, `dose.recorded`, ... */
  type: Type.String(),
  /** `you`, or the actor's kind (`staff`, `partner`, `system`, `citizen`). */
  actor: Type.String(),
  who: AccessWho,
  purpose: Type.Union([Type.String(), Type.Null()]),
  /** The personal fields read (or asked for, when refused). */
  fields: Type.Array(Type.String()),
  outcome: Type.String(),
  change: Type.Optional(AccessChange),
});

/** An entry of the download's `access_history`: the same, plus whose data (`account` or a reference ID). */
export const ExportedAccessEntry = Type.Composite([AccessHistoryEntry, Type.Object({ about: Type.String() })]);

export const ACCESS_HISTORY_MAX_LIMIT = 200;

export const AccessHistoryQuery = Type.Object({
  /** One family member's 14-digit reference ID, or `account` for the mobile number; all groups when absent. */
  member: Type.Optional(Type.String({ pattern: '^(\\d{14}|account)$', maxLength: 14 })),
  /** Entries older than this `seq`: the previous answer's `next_before`. */
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ACCESS_HISTORY_MAX_LIMIT, default: 50 })),
}, { additionalProperties: false });

export const AccessHistoryView = Type.Object({
  groups: Type.Array(Type.Object({
    /** `account` (the mobile number) or a family member's reference ID. */
    about: Type.String(),
    entries: Type.Array(AccessHistoryEntry),
  })),
  /** Pass as `before` for older entries; null when there are none. */
  next_before: Type.Union([Type.Integer(), Type.Null()]),
});

export type AccessWho = Static<typeof AccessWho>;
export type AccessChange = Static<typeof AccessChange>;
export type AccessHistoryEntry = Static<typeof AccessHistoryEntry>;
export type ExportedAccessEntry = Static<typeof ExportedAccessEntry>;
export type AccessHistoryQuery = Static<typeof AccessHistoryQuery>;
export type AccessHistoryResponse = Static<typeof AccessHistoryView>;
