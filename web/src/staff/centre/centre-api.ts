import type { RecordedDoseView, RosterEntryView } from '../../../../src/modules/vaccination/schema.js';
import { staffGet, staffPost } from '../staff-api.js';

/**
 * The vaccinator's calls (src/modules/vaccination/routes.ts, decision 0008). None of these calls
 * takes a name, mobile or ID number: a person is reached only through today's roster and the code
 * they give.
 */
export type RosterEntry = RosterEntryView;
export type RecordedDose = RecordedDoseView;

export async function fetchRoster(signal?: AbortSignal): Promise<RosterEntry[]> {
  return (await staffGet<{ appointments: RosterEntry[] }>('/api/staff/centre/roster', signal)).appointments;
}

export function openWithSecurityCode(appointmentId: string, securityCode: string): Promise<undefined> {
  return staffPost('/api/staff/centre/encounters', { appointment_id: appointmentId, security_code: securityCode });
}

/** The server texts the code to the person's own mobile; this console never sees the number. */
export function sendEncounterOtp(appointmentId: string): Promise<undefined> {
  return staffPost('/api/staff/centre/encounters/otp', { appointment_id: appointmentId });
}

export function openWithOtp(appointmentId: string, otp: string): Promise<undefined> {
  return staffPost('/api/staff/centre/encounters/otp/confirm', { appointment_id: appointmentId, otp });
}

export function recordDose(appointmentId: string, batchId: string, photoIdLast4: string): Promise<RecordedDose> {
  return staffPost('/api/staff/centre/doses', { appointment_id: appointmentId, batch_id: batchId, photo_id_last4: photoIdLast4 });
}
