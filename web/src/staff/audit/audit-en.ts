/** English for the auditor's check of the audit log's hash chain. */
export const auditEn = {
  nav: 'Audit log check',
  summary: 'Recompute the audit log’s hash chain: any edited, deleted or reordered entry breaks it.',
  title: 'Audit log check · Teeka',
  heading: 'Audit log check',
  intro: 'Every personal-data read, sign-in and change is written to an append-only log in which each entry carries a hash of the one before. Checking recomputes every hash; the check itself is quick and changes nothing.',
  run: 'Check the audit log',
  running: 'Checking…',
  intact_one: 'The audit log is intact: {{count}} entry checked.',
  intact_other: 'The audit log is intact: {{count}} entries checked.',
  broken: 'The audit log has been altered: entry {{at}} does not match the entries before it. Report this to the security team at once.',
  brokenUnknown: 'The audit log has been altered. Report this to the security team at once.',
};

export type AuditMessages = typeof auditEn;
