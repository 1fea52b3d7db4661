import type { DetectionSettings } from '../../config.js';
import type { AuditEvent } from '../access/schema.js';
import type { AlertRule, Evidence, Severity } from './schema.js';

/**
 * The detection rules (decision 0015). Each looks at one recorded event of a citizen, staff member
 * or partner, with what the security service counted for it, and says what it noticed.
 */
export const severityOf: Readonly<Record<AlertRule, Severity>> = {
  canary: 'critical',
  budget: 'high',
  denials: 'high',
  jurisdiction: 'high',
  off_hours: 'medium',
};

/** High and critical alerts suspend the credential at once. */
export const suspends = (severity: Severity) => severity !== 'medium';

/** The many-refusals rule counts an actor's refusals over this window. */
export const DENIAL_WINDOW_MS = 10 * 60 * 1000;

export interface Finding {
  rule: AlertRule;
  evidence: Evidence;
}

export interface EventFacts {
  /** The event's subject is a canary record. */
  canary: boolean;
  /** The actor's refusals within the window, this one included; undefined for an event that is not a refusal. */
  recentDenials: number | undefined;
}

const INDIA_OFFSET_MS = 330 * 60 * 1000;

/** Minutes after midnight in India (which has no daylight saving). */
export function minutesInIndia(at: Date): number {
  const shifted = new Date(at.getTime() + INDIA_OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** Whether a time (minutes after midnight) falls within the hours; `from` after `to` spans midnight (a night shift). */
export function isWithinWorkingHours(minutes: number, hours: DetectionSettings['workingHours']): boolean {
  return hours.from < hours.to ? minutes >= hours.from && minutes < hours.to : minutes >= hours.from || minutes < hours.to;
}

const clockText = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function findingsFor(event: AuditEvent, facts: EventFacts, settings: Pick<DetectionSettings, 'workingHours' | 'denialsBeforeAlert'>): Finding[] {
  const findings: Finding[] = [];
  const seen = { event_seq: event.seq, event_type: event.type };
  // A canary is a person no one has any reason to reach: any touch at all is the alarm.
  if (facts.canary && event.subject) findings.push({ rule: 'canary', evidence: { ...seen, subject: event.subject } });
  if (event.actorKind === 'citizen') return findings;
  if (facts.recentDenials !== undefined && facts.recentDenials >= settings.denialsBeforeAlert) {
    findings.push({ rule: 'denials', evidence: { ...seen, denials: facts.recentDenials, window_minutes: DENIAL_WINDOW_MS / 60_000 } });
  }
  const reason = event.detail.reason;
  if (event.outcome === 'denied' && reason === 'budget' && event.subject) {
    findings.push({ rule: 'budget', evidence: { ...seen, subject: event.subject, window: String(event.detail.window), limit: Number(event.detail.limit) } });
  }
  if (event.outcome === 'denied' && reason === 'jurisdiction' && event.subject) {
    findings.push({ rule: 'jurisdiction', evidence: { ...seen, subject: event.subject } });
  }
  const minutes = minutesInIndia(event.at);
  const { from, to } = settings.workingHours;
  if (event.actorKind === 'staff' && event.type.startsWith('access.') && !isWithinWorkingHours(minutes, settings.workingHours)) {
    findings.push({ rule: 'off_hours', evidence: { ...seen, time_in_india: clockText(minutes), working_hours: `${clockText(from)}-${clockText(to)}` } });
  }
  return findings;
}
