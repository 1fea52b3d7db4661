import type { AefiOutcome, AefiSeverity, AefiSymptom } from '../../../../src/modules/vaccination/aefi-schema.js';
import type { aefiEn } from './aefi-en.js';

/** One of the section's own error texts, or a sentence of the server's for anything else. */
export type Problem = keyof typeof aefiEn.problems | { server: string };

export interface EventDraft {
  severity: AefiSeverity | '';
  /** YYYY-MM-DD and HH:MM from the date and time inputs, in India time. */
  onsetDate: string;
  onsetTime: string;
  symptoms: AefiSymptom[];
  outcome: AefiOutcome | '';
  notes: string;
}

export type EventField = 'severity' | 'onsetDate' | 'onsetTime' | 'symptoms' | 'outcome' | 'notes';
export type EventProblems = Partial<Record<EventField, Problem>>;
export const eventFieldOrder: readonly EventField[] = ['severity', 'onsetDate', 'onsetTime', 'symptoms', 'outcome', 'notes'];

const NOTES_MAX_LENGTH = 500;
// The server's rule (aefi-rules.ts): ten digits in a row, or split by single spaces, is how mobiles
// and Aadhaar numbers are written; checked here too so the warning comes before anything is sent.
const looksLikeANumberOfSomeone = /\d(?: ?\d){9}/;

export function notesProblem(notes: string, required: boolean): Problem | undefined {
  const text = notes.normalize('NFC').trim();
  if (text === '') return required ? 'notesOther' : undefined;
  if ([...text].length > NOTES_MAX_LENGTH) return 'notesTooLong';
  if (looksLikeANumberOfSomeone.test(text)) return 'notesNumber';
  return undefined;
}

/** Quick checks before asking the server, which decides the rest (onset not before the dose, not in the future). */
export function checkEvent(draft: EventDraft): EventProblems {
  const problems: EventProblems = {};
  if (draft.severity === '') problems.severity = 'severityMissing';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.onsetDate)) problems.onsetDate = 'onsetDateMissing';
  if (!/^\d{2}:\d{2}(:\d{2})?$/.test(draft.onsetTime)) problems.onsetTime = 'onsetTimeMissing';
  if (draft.symptoms.length === 0) problems.symptoms = 'symptomsMissing';
  if (draft.outcome === '') problems.outcome = 'outcomeMissing';
  const notes = notesProblem(draft.notes, draft.symptoms.includes('other'));
  if (notes) problems.notes = notes;
  return problems;
}

/** The date and time typed in, as an instant in India time (UTC+05:30, no daylight saving). */
export function onsetInstant(date: string, time: string): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}+05:30`;
}

/** Where a 400 from POST /reports or /follow-ups belongs: the server's messages begin with the field they name. */
export function eventProblemOf(message: string): EventProblems | undefined {
  if (message.startsWith('onset_at cannot be in the future')) return { onsetDate: 'onsetFuture' };
  if (message.startsWith('onset_at is before')) return { onsetDate: 'onsetBeforeDose' };
  if (message.startsWith('onset_at')) return { onsetDate: { server: message } };
  if (message.startsWith('notes must describe')) return { notes: 'notesOther' };
  if (message.startsWith('notes must not hold')) return { notes: 'notesNumber' };
  if (message.startsWith('notes')) return { notes: 'notesTooLong' };
  for (const field of ['severity', 'symptoms', 'outcome'] as const) {
    if (message.startsWith(field)) return { [field]: { server: message } };
  }
  return undefined;
}
