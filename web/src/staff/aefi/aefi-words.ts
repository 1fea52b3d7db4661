import type { TFunction } from 'i18next';
import type { AefiOutcome, AefiSeverity, AefiSymptom } from '../../../../src/modules/vaccination/aefi-schema.js';
import { aefiEn } from './aefi-en.js';

type StaffT = TFunction<'staff'>;

/** The code lists in the order the pages show them; aefi-en.ts holds them, checked against the server's. */
export const severityOrder = Object.keys(aefiEn.severities) as AefiSeverity[];
export const symptomOrder = Object.keys(aefiEn.symptoms) as AefiSymptom[];
export const outcomeOrder = Object.keys(aefiEn.outcomes) as AefiOutcome[];

export function isSeverity(value: string | null | undefined): value is AefiSeverity {
  return value != null && Object.hasOwn(aefiEn.severities, value);
}

function isSymptom(value: string): value is AefiSymptom {
  return Object.hasOwn(aefiEn.symptoms, value);
}

function isOutcome(value: string): value is AefiOutcome {
  return Object.hasOwn(aefiEn.outcomes, value);
}

/** Names in the page's language; a code this app does not know yet shows as the server sends it. */
export function severityName(t: StaffT, severity: string): string {
  return isSeverity(severity) ? t(`aefi.severities.${severity}`) : severity;
}

export function symptomName(t: StaffT, symptom: string): string {
  return isSymptom(symptom) ? t(`aefi.symptoms.${symptom}`) : symptom;
}

export function outcomeName(t: StaffT, outcome: string): string {
  return isOutcome(outcome) ? t(`aefi.outcomes.${outcome}`) : outcome;
}

/** A case's name for people: the first 8 characters of its random id, enough to tell cases apart on a list. */
export function caseLabel(caseId: string): string {
  return caseId.slice(0, 8).toUpperCase();
}
