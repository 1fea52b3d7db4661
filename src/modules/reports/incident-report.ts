import type { ChainVerification } from '../access/chain-verifier.js';
import type { BlastRadius } from './breach-report.js';

/** An action taken against the credential, as the audit log recorded it (suspension, lock, revocation). */
export interface ActionTaken {
  at: Date;
  type: string;
  by: string;
  seq: number;
}

/**
 * What a CERT-In incident report needs (Directions of 28 April 2022, reporting within 6 hours):
 * the incident, when it was detected and reported, who and what, when it started and ended, how
 * many people and which data, what was done, and who was told. Aggregates only, apart from the list
 * of the people affected by beneficiary reference ID, which stays in the JSON for the operator.
 */
export interface IncidentReport {
  incidentId: string;
  detectedAt: Date;
  reportedAt: Date;
  radius: BlastRadius;
  actions: ActionTaken[];
  notices: { sent: number; failed: number; unreachable: number; outstanding: number };
  logIntegrity: ChainVerification;
  contact: string | undefined;
}

const iso = (at: Date | undefined) => at?.toISOString() ?? null;

const describeActor = (report: IncidentReport) => {
  const { actor } = report.radius;
  if (actor.kind === 'partner') return `partner ${actor.id}`;
  const roles = actor.roles.length ? ` (${actor.roles.join(', ')}${actor.facilityIds.length ? ` at centre ${actor.facilityIds.join(', ')}` : ''})` : '';
  return `staff account ${actor.username ? `"${actor.username}", ` : ''}id ${actor.id}${roles}`;
};

export function incidentReportJson(report: IncidentReport): Record<string, unknown> {
  const { radius } = report;
  return {
    incident_id: report.incidentId,
    incident_type: 'Unauthorised access to personal data (misused credential)',
    detected_at: iso(report.detectedAt),
    reported_at: iso(report.reportedAt),
    actor: { kind: radius.actor.kind, id: radius.actor.id, username: radius.actor.username ?? null, roles: radius.actor.roles, facility_ids: radius.actor.facilityIds },
    what: `${describeActor(report)} opened the personal data of ${radius.people.length} people`,
    period: { since: iso(radius.since), first_access: iso(radius.firstAt), last_access: iso(radius.lastAt) },
    affected: {
      people: radius.people.length,
      accounts: radius.accounts,
      reads: radius.reads,
      refused_attempts: radius.refused,
      people_per_field: radius.peoplePerField,
    },
    actions_taken: report.actions.map((a) => ({ at: iso(a.at), action: a.type, by: a.by, audit_seq: a.seq })),
    notifications: { channel: 'SMS', rule: 'DPDP Rules 2025, rule 7(1)', ...report.notices },
    log_integrity: {
      ok: report.logIntegrity.ok, rows_checked: report.logIntegrity.checked, checkpoints_checked: report.logIntegrity.checkpoints,
      sealed_through: report.logIntegrity.sealedThrough ?? null, broken_at: report.logIntegrity.brokenAt ?? null,
    },
    contact: report.contact ?? null,
    affected_people: radius.people.map((p) => ({
      reference_id: p.referenceId ?? null, first_at: iso(p.firstAt), last_at: iso(p.lastAt), reads: p.reads, fields: p.fields, purposes: p.purposes,
    })),
  };
}

/** The same report for people: what the CERT-In form asks, in its order. */
export function incidentReportMarkdown(report: IncidentReport, jsonFile: string): string {
  const { radius, notices, logIntegrity } = report;
  const fields = Object.entries(radius.peoplePerField).sort(([a], [b]) => a.localeCompare(b)).map(([field, n]) => `- ${field}: ${n} people`);
  const actions = report.actions.length
    ? report.actions.map((a) => `- ${a.at.toISOString()}: ${a.type} (by ${a.by}; audit log row ${a.seq})`)
    : ['- None recorded in the audit log against this credential yet: suspend it (staff account locked, partner key disabled, sessions revoked) and run this report again.'];
  return [
    `# Incident ${report.incidentId}: unauthorised access to personal data`,
    '',
    '| | |',
    '|---|---|',
    `| Detected | ${report.detectedAt.toISOString()} |`,
    `| Reported (this report) | ${report.reportedAt.toISOString()} |`,
    `| Actor | ${describeActor(report)} |`,
    `| Period examined | ${radius.since ? `from ${radius.since.toISOString()}` : 'all recorded activity'} |`,
    `| First access | ${iso(radius.firstAt) ?? 'none'} |`,
    `| Last access | ${iso(radius.lastAt) ?? 'none'} |`,
    `| People affected | ${radius.people.length} (${radius.accounts} accounts) |`,
    `| Reads of personal data | ${radius.reads} |`,
    `| Refused attempts | ${radius.refused} |`,
    '',
    '## What happened',
    '',
    `The ${describeActor(report)} opened the personal data of ${radius.people.length} people in ${radius.reads} reads, all recorded in Teeka's hash-chained audit log. ` +
      'No record was reached outside the access module: every read below is an `access.granted` event with its purpose and fields.',
    '',
    '## Data affected (people per field)',
    '',
    ...(fields.length ? fields : ['- none']),
    '',
    '## Actions taken',
    '',
    ...actions,
    `- Affected people told by SMS (DPDP Rules 2025, rule 7(1)): ${notices.sent} accounts notified, ${notices.failed} failed (retried on the next run), ${notices.unreachable} unreachable (record deleted since), ${notices.outstanding} not yet notified.`,
    '',
    '## Evidence',
    '',
    logIntegrity.ok
      ? `- The audit log verifies: ${logIntegrity.checked} rows and ${logIntegrity.checkpoints} signed checkpoints checked${logIntegrity.sealedThrough ? `, sealed through row ${logIntegrity.sealedThrough}` : ''}.`
      : `- The audit log does NOT verify: ${logIntegrity.problem ?? `broken at row ${logIntegrity.brokenAt}`}`,
    `- The people affected, by beneficiary reference ID, with times, fields and purposes: \`${jsonFile}\`.`,
    '',
    '## Contact',
    '',
    report.contact ?? 'Not given (pass --contact).',
    '',
  ].join('\n');
}
