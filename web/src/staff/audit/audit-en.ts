/** English for the auditor's check of the audit log's hash chain. */
export const auditEn = {
  nav: 'Audit log check',
  summary: 'Recompute the audit log’s hash chain: any edited, deleted or reordered entry breaks it.',
  title: 'Audit log check · Teeka',
  heading: 'Audit log check',
  intro: 'Every personal-data read, sign-in and change is written to an append-only log in which each entry carries a hash of the one before, and every minute the server signs a checkpoint of the newest entries. Checking recomputes every hash and checks every signed checkpoint; it changes nothing.',
  run: 'Check the audit log',
  running: 'Checking…',
  intact_one: 'The audit log is intact: {{count}} entry checked.',
  intact_other: 'The audit log is intact: {{count}} entries checked.',
  broken: 'The audit log has been altered: entry {{at}} does not match the entries before it. Report this to the security team at once.',
  sealed: 'Signed checkpoints seal every entry up to number {{seq}}; newer entries are sealed within a minute.',
  sealedNone: 'No signed checkpoint yet: the server signs the first within a minute of running.',
  problem: 'Detail for the security team: {{problem}}',
  brokenUnknown: 'The audit log has been altered. Report this to the security team at once.',
};

export type AuditMessages = typeof auditEn;
