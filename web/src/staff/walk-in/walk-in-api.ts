import type { WalkInBody, WalkInCodeView, WalkInSessionsView, WalkInView } from '../../../../src/modules/vaccination/walk-in-schema.js';
import { registrationOf, type MemberDraft } from '../../citizen/add-member/member-checks.js';
import { staffGet, staffPost } from '../staff-api.js';

/**
 * Walk-in registration (src/modules/vaccination/walk-in-routes.ts, decision 0010). These are the
 * only staff calls that carry a mobile, a name or an ID number, and none of them answers with
 * anyone's data: the person's own phone receives the code that authorises the registration.
 */
export type WalkInSession = WalkInSessionsView['sessions'][number];
export type WalkInPerson = Omit<WalkInBody, 'walk_in_token' | 'otp' | 'session_id'>;
export type RegisteredWalkIn = WalkInView;

const base = '/api/staff/centre/walk-ins';

export async function fetchWalkInSessions(signal?: AbortSignal): Promise<WalkInSession[]> {
  return (await staffGet<WalkInSessionsView>(`${base}/sessions`, signal)).sessions;
}

/** Texts a code to `mobile`; the answer is the same whether or not the number has an account. */
export async function sendWalkInCode(mobile: string): Promise<string> {
  return (await staffPost<WalkInCodeView>(`${base}/otp`, { mobile })).walk_in_token;
}

export function registerWalkIn(token: string, otp: string, sessionId: string, person: WalkInPerson): Promise<RegisteredWalkIn> {
  const body: WalkInBody = { walk_in_token: token, otp, session_id: sessionId, ...person };
  return staffPost(base, body);
}

/** The person's fields as citizen registration sends them, less the consent version a walk-in does not carry. */
export function walkInPersonOf(draft: MemberDraft): WalkInPerson {
  const fields = registrationOf(draft);
  return {
    name: fields.name, birth_year: fields.birth_year, gender_id: fields.gender_id, photo_id_type: fields.photo_id_type,
    photo_id_number: fields.photo_id_number, comorbidity_ind: fields.comorbidity_ind,
  };
}
