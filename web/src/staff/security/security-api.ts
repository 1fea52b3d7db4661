import type { AlertList, AlertView, SuspensionList, SuspensionView } from '../../../../src/modules/security/schema.js';
import { staffGet, staffPost } from '../staff-api.js';

/**
 * The security console's calls (src/modules/security/routes.ts, decision 0015): alerts the
 * detection rules raised, the credentials they suspended, and reinstatement with a reason.
 */
export type Alert = AlertView;
export type Alerts = AlertList;
export type Suspension = SuspensionView;
export type AlertRule = Alert['rule'];

/** security/schema.ts REINSTATEMENT_REASON_MIN and _MAX (kept in step by hand). */
export const reasonLength = { min: 10, max: 500 } as const;

const base = '/api/staff/security';

export function fetchAlerts(status: 'open' | 'all', signal?: AbortSignal): Promise<Alerts> {
  return staffGet(`${base}/alerts?status=${status}`, signal);
}

export function acknowledgeAlert(id: string): Promise<void> {
  return staffPost(`${base}/alerts/${encodeURIComponent(id)}/acknowledge`);
}

export async function fetchSuspensions(signal?: AbortSignal): Promise<Suspension[]> {
  return (await staffGet<SuspensionList>(`${base}/suspensions`, signal)).suspensions;
}

/** `reason` goes into the audit log as it is written. */
export function reinstate(id: string, reason: string): Promise<void> {
  return staffPost(`${base}/suspensions/${encodeURIComponent(id)}/reinstate`, { reason });
}
