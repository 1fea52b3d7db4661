import type {
  AefiCaseView, AefiFollowUpBody, AefiListItem, AefiListView, AefiReportBody, AefiSeverity,
} from '../../../../src/modules/vaccination/aefi-schema.js';
import { staffGet, staffPost } from '../staff-api.js';

/**
 * Adverse events following immunisation (src/modules/vaccination/aefi-routes.ts, decision 0010).
 * Reporting needs the person's record open at this centre today: from their visit, or opened again
 * with their certificate and a code sent to their own mobile. Lists and cases name nobody.
 */
export type AefiCase = AefiCaseView;
export type AefiList = AefiListView;
export type AefiListEntry = AefiListItem;
export type AefiReport = AefiReportBody;
export type AefiFollowUp = AefiFollowUpBody;

const base = '/api/staff/aefi';

export interface ListQuery {
  severity: AefiSeverity | undefined;
  page: number;
}

export const PER_PAGE = 25;

function listParams(query: ListQuery): string {
  const params = new URLSearchParams({ page: String(query.page), per_page: String(PER_PAGE) });
  if (query.severity) params.set('severity', query.severity);
  return params.toString();
}

export function fetchCentreCases(facilityId: number, query: ListQuery, signal?: AbortSignal): Promise<AefiList> {
  return staffGet(`${base}/centres/${encodeURIComponent(facilityId)}/reports?${listParams(query)}`, signal);
}

export function fetchDistrictCases(districtId: number, query: ListQuery, signal?: AbortSignal): Promise<AefiList> {
  return staffGet(`${base}/districts/${encodeURIComponent(districtId)}/reports?${listParams(query)}`, signal);
}

export function fetchCase(caseId: string, signal?: AbortSignal): Promise<AefiCase> {
  return staffGet(`${base}/reports/${encodeURIComponent(caseId)}`, signal);
}

export function reportEvent(report: AefiReport): Promise<AefiCase> {
  return staffPost(`${base}/reports`, report);
}

export function followUpCase(caseId: string, followUp: AefiFollowUp): Promise<AefiCase> {
  return staffPost(`${base}/reports/${encodeURIComponent(caseId)}/follow-ups`, followUp);
}

/** Texts a code to the mobile of the account the certificate belongs to; staff never see the number. */
export async function sendIdentificationCode(certificateUvci: string): Promise<string> {
  return (await staffPost<{ identification_token: string }>(`${base}/identifications`, { certificate_uvci: certificateUvci })).identification_token;
}

export function confirmIdentification(token: string, otp: string): Promise<undefined> {
  return staffPost(`${base}/identifications/confirm`, { identification_token: token, otp });
}

/** Roles the server lets record a follow-up: the case's centre administrator, or its district's. */
export const followUpRoles: readonly string[] = ['facility_admin', 'district_admin'];

/** Roles that report events, at their own centre. */
export const reportingRoles: readonly string[] = ['vaccinator', 'facility_admin'];
