import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { invalidInput } from '../core/errors.js';
import type { TouchedPerson } from '../modules/reports/breach-report.js';
import { incidentReportJson, incidentReportMarkdown, type IncidentReport } from '../modules/reports/incident-report.js';
import { commandConfig, progress, withRuntime } from './common.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = ISO_TIME.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw invalidInput('since', `--since must be an ISO time such as 2026-11-28 or 2026-11-28T09:30:00+05:30, got "${value}"`);
  return at;
}

const line = (p: TouchedPerson) => [
  (p.referenceId ?? '(record deleted)').padEnd(16), p.firstAt.toISOString().padEnd(26), p.lastAt.toISOString().padEnd(26),
  String(p.reads).padStart(5), `  ${p.fields.join(',')}`, `  ${p.purposes.join(',')}`,
].join('');

/** The blast radius on standard output: one line per person, by reference ID only. */
function printReport(report: IncidentReport): void {
  const { radius } = report;
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(`Incident ${report.incidentId}: ${radius.actor.kind} ${radius.actor.username ? `"${radius.actor.username}" ` : ''}(id ${radius.actor.id})`);
  out(`Examined: ${radius.since ? `since ${radius.since.toISOString()}` : 'all recorded activity'}`);
  out(`People touched: ${radius.people.length} (${radius.accounts} accounts); reads: ${radius.reads}; refused attempts: ${radius.refused}`);
  if (radius.firstAt) out(`First access ${radius.firstAt.toISOString()}, last ${radius.lastAt!.toISOString()}`);
  for (const [field, people] of Object.entries(radius.peoplePerField)) out(`  ${field}: ${people} people`);
  if (radius.people.length > 0) {
    out(`${'REFERENCE ID'.padEnd(16)}${'FIRST ACCESS'.padEnd(26)}${'LAST ACCESS'.padEnd(26)}${'READS'.padStart(5)}  FIELDS  PURPOSES`);
    for (const person of radius.people) out(line(person));
  }
}

/** `teeka breach report` (decision 0014). */
export function registerBreachCommands(program: Command): void {
  const breach = program.command('breach').description('Respond to a misused credential: blast radius, DPDP notices, CERT-In report (decision 0014).');
  breach
    .command('report')
    .description('List exactly which people an actor\'s credential touched (reference IDs, when, which fields, why), and write the incident report as Markdown and JSON. With --notify, text each affected account the DPDP Rule 7 notice, once per incident.')
    .requiredOption('--actor <actor>', 'a staff username, a staff id or a partner id')
    .option('--since <time>', 'only what happened from this ISO time (default: everything recorded)')
    .option('--out <dir>', 'where the report files go', 'breach-reports')
    .option('--notify', 'send the notices still owed for this incident (safe to run again: nobody is told twice)')
    .option('--contact <text>', 'who answers affected people (phone, e-mail or page), printed in the notice and the report; needed with --notify')
    .action(async (options: { actor: string; since?: string; out: string; notify?: boolean; contact?: string }) => {
      const since = parseSince(options.since);
      const contact = options.contact?.trim();
      if (options.notify && !contact) throw invalidInput('contact', '--notify needs --contact: who answers the people notified (DPDP Rule 7(1)(e)), such as "1075 or dpo@teeka.example"');
      if (contact && contact.length > 120) throw invalidInput('contact', '--contact must be at most 120 characters: it goes into an SMS');
      const settings = commandConfig();
      const report: IncidentReport = await withRuntime((runtime) => runtime.services.breaches.report({
        actor: options.actor,
        since,
        contact,
        notify: options.notify ? { contact: contact!, publicUrl: settings.publicUrl, onProgress: (done, total) => progress('notifying affected people', done, total) } : undefined,
      }), settings);
      printReport(report);
      await fs.mkdir(options.out, { recursive: true });
      const base = path.join(options.out, report.incidentId);
      await fs.writeFile(`${base}.json`, `${JSON.stringify(incidentReportJson(report), null, 2)}\n`, { mode: 0o600 });
      await fs.writeFile(`${base}.md`, incidentReportMarkdown(report, `${report.incidentId}.json`), { mode: 0o600 });
      const { notices } = report;
      process.stdout.write(`Report written to ${base}.md and ${base}.json\n`);
      process.stdout.write(`Notices: ${notices.sent} accounts notified, ${notices.failed} failed, ${notices.outstanding} outstanding, ${notices.unreachable} people unreachable.\n`);
      if (!report.logIntegrity.ok) process.stdout.write(`Warning: the audit log does not verify (row ${report.logIntegrity.brokenAt}): run "teeka audit verify".\n`);
      // A failed notice is retried by running the same command again.
      if (options.notify && notices.failed > 0) process.exitCode = 1;
    });
}
