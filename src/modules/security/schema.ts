import { Type, type Static } from '@sinclair/typebox';

/** What the rules watch for (decision 0015). */
export type AlertRule = 'budget' | 'denials' | 'off_hours' | 'jurisdiction' | 'canary';
export type Severity = 'medium' | 'high' | 'critical';
/** Whose events the rules see; only staff and partners can be suspended. */
export type WatchedKind = 'citizen' | 'staff' | 'partner';
export type SuspendableKind = 'staff' | 'partner';
/** Counts, audit event numbers, subject ids and times: never a name, mobile or ID number. */
export type Evidence = Record<string, string | number>;

const RuleView = Type.Union([Type.Literal('budget'), Type.Literal('denials'), Type.Literal('off_hours'), Type.Literal('jurisdiction'), Type.Literal('canary')]);
const SeverityView = Type.Union([Type.Literal('medium'), Type.Literal('high'), Type.Literal('critical')]);

const ActorView = Type.Object({
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('staff'), Type.Literal('partner')]),
  id: Type.String(),
  /** A staff account's username and role; absent for citizens and partners. */
  username: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  /** A partner's registered name; absent for staff, citizens and an id no partner is registered under. */
  name: Type.Optional(Type.String()),
});

export const AlertView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  rule: RuleView,
  severity: SeverityView,
  actor: ActorView,
  evidence: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  occurrences: Type.Integer({ minimum: 1 }),
  raised_at: Type.String({ format: 'date-time' }),
  last_seen_at: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('acknowledged')]),
  acknowledged_at: Type.Optional(Type.String({ format: 'date-time' })),
  /** Whether this alert's actor is suspended now. */
  actor_suspended: Type.Boolean(),
});
export type AlertView = Static<typeof AlertView>;

export const AlertList = Type.Object({
  alerts: Type.Array(AlertView),
  open_count: Type.Integer({ minimum: 0 }),
});
export type AlertList = Static<typeof AlertList>;

export const AlertQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')], { default: 'open' })),
}, { additionalProperties: false });

export const AlertParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const SuspensionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  actor: ActorView,
  suspended_at: Type.String({ format: 'date-time' }),
  alert: Type.Object({
    id: Type.String({ format: 'uuid' }),
    rule: RuleView,
    severity: SeverityView,
  }),
});
export type SuspensionView = Static<typeof SuspensionView>;

export const SuspensionList = Type.Object({ suspensions: Type.Array(SuspensionView) });
export type SuspensionList = Static<typeof SuspensionList>;

export const SuspensionParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const REINSTATEMENT_REASON_MIN = 10;
export const REINSTATEMENT_REASON_MAX = 500;

export const ReinstateBody = Type.Object({
  /** Why the credential may act again: what the review found (kept in the audit log). */
  reason: Type.String({ minLength: 1, maxLength: REINSTATEMENT_REASON_MAX }),
}, { additionalProperties: false });
