import { staffGet, staffPatch, staffPost } from '../staff-api.js';
import type { PartnerBody, PartnerChanges, PartnerList, PartnerView } from './partner-types.js';

/** The national administrator's partner registry (src/modules/partners, /api/staff/partners). */
const base = '/api/staff/partners';
const partnerPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export async function fetchPartners(signal?: AbortSignal): Promise<PartnerView[]> {
  return (await staffGet<PartnerList>(base, signal)).partners;
}

export function fetchPartner(id: string, signal?: AbortSignal): Promise<PartnerView> {
  return staffGet(partnerPath(id), signal);
}

export function registerPartner(partner: PartnerBody): Promise<PartnerView> {
  return staffPost(base, partner);
}

export function updatePartner(id: string, changes: PartnerChanges): Promise<PartnerView> {
  return staffPatch(partnerPath(id), changes);
}

/** A new API key, replacing any earlier one; the server keeps only its MAC, so this answer is the one time anyone sees it. */
export function createApiKey(id: string): Promise<{ api_key: string }> {
  return staffPost(`${partnerPath(id)}/api-key`, {});
}
