import { staffGet } from '../staff-api.js';
import type { ChainCheck } from '../staff-types.js';

/** Recomputes the audit log's hash chain on the server (auditors only). */
export function checkAuditChain(signal?: AbortSignal): Promise<ChainCheck> {
  return staffGet('/api/staff/audit/chain', signal);
}
