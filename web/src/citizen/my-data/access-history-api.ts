import { sendJson } from '../citizen-api.js';
import type { AccessHistoryResponse } from './my-data-types.js';

/** How many entries one member's list shows at first, and adds per "Show older". */
export const ACCESS_PAGE = 20;

/**
 * One page of "Who accessed my data" for a family member (`about` is their reference ID) or the
 * account's mobile (`about` = "account"), older than `before` when given.
 */
export function fetchAccessHistory(about: string, before: number | undefined, signal?: AbortSignal): Promise<AccessHistoryResponse> {
  const query = new URLSearchParams({ member: about, limit: String(ACCESS_PAGE) });
  if (before !== undefined) query.set('before', String(before));
  return sendJson(`/api/citizen/access-history?${query}`, { signal });
}
