import { invalidInput } from '../../core/errors.js';
import {
  AEFI_NOTES_MAX_LENGTH, aefiOutcomes, aefiSeverities, aefiSymptoms, type AefiOutcome, type AefiSeverity, type AefiSymptom,
} from './aefi-schema.js';

/**
 * The checks on what staff write about an adverse event. Messages name the field and say what to
 * write; none repeats the input, since a mistyped note could hold someone's number.
 */
export function severityOf(raw: unknown, field = 'severity'): AefiSeverity {
  if (!aefiSeverities.includes(raw as AefiSeverity)) throw invalidInput(field, `${field} must be one of: ${aefiSeverities.join(', ')}`);
  return raw as AefiSeverity;
}

export function outcomeOf(raw: unknown): AefiOutcome {
  if (!aefiOutcomes.includes(raw as AefiOutcome)) throw invalidInput('outcome', `outcome must be one of: ${aefiOutcomes.join(', ')}`);
  return raw as AefiOutcome;
}

export function symptomsOf(raw: readonly unknown[]): AefiSymptom[] {
  if (raw.length === 0) throw invalidInput('symptoms', 'symptoms needs at least one code');
  if (raw.some((code) => !aefiSymptoms.includes(code as AefiSymptom))) {
    throw invalidInput('symptoms', `symptoms must be codes from the list: ${aefiSymptoms.join(', ')}`);
  }
  if (new Set(raw).size !== raw.length) throw invalidInput('symptoms', 'symptoms lists a code twice; give each once');
  return raw as AefiSymptom[];
}

/**
 * Ten or more digits in a row, or in groups split by single spaces, are how mobiles and Aadhaar
 * numbers are written; clinical notes (doses, temperatures, dates with - or /) have no need for them.
 */
const looksLikeANumberOfSomeone = /\d(?: ?\d){9}/;

export function notesOf(raw: string | undefined, required: boolean): string | null {
  const notes = (raw ?? '').normalize('NFC').trim();
  if (notes === '') {
    if (required) throw invalidInput('notes', 'notes must describe the "other" symptom');
    return null;
  }
  if ([...notes].length > AEFI_NOTES_MAX_LENGTH) throw invalidInput('notes', `notes can be at most ${AEFI_NOTES_MAX_LENGTH} characters`);
  if (looksLikeANumberOfSomeone.test(notes)) {
    throw invalidInput('notes', 'notes must not hold a phone or ID number: write clinical facts only, never who the person is');
  }
  return notes;
}

/** When symptoms began: not in the future, and not before the dose they follow. */
export function onsetOf(raw: string, doseGivenAt: Date, now: Date): Date {
  const onset = new Date(raw);
  if (Number.isNaN(onset.getTime())) throw invalidInput('onset_at', 'onset_at must be a date and time, like 2024-03-05T14:30:00+05:30');
  if (onset.getTime() > now.getTime()) throw invalidInput('onset_at', 'onset_at cannot be in the future');
  if (onset.getTime() < doseGivenAt.getTime()) throw invalidInput('onset_at', 'onset_at is before the dose was given; check the date and time');
  return onset;
}
