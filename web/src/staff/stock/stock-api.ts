import type { BatchView, ReceiveBatchBody } from '../../../../src/modules/vaccination/schema.js';
import { staffGet, staffPost } from '../staff-api.js';

/** A centre's vaccine batches (src/modules/vaccination/routes.ts and stock.ts). */
export type Batch = BatchView;
export type NewBatch = ReceiveBatchBody;

/** Roles that may receive a batch; vaccinators only see the stock. */
export const receivingRoles: readonly string[] = ['facility_admin', 'district_admin', 'state_admin', 'national_admin'];

export async function fetchBatches(facilityId: number, signal?: AbortSignal): Promise<Batch[]> {
  return (await staffGet<{ batches: Batch[] }>(`/api/staff/centre/facilities/${encodeURIComponent(facilityId)}/batches`, signal)).batches;
}

export function receiveBatch(facilityId: number, batch: NewBatch): Promise<Batch> {
  return staffPost(`/api/staff/centre/facilities/${encodeURIComponent(facilityId)}/batches`, batch);
}

/** Batches a vaccinator may give `vaccine` from: usable ones, the soonest to expire first (use them before they lapse). */
export function usableBatchesOf(batches: readonly Batch[], vaccine: string): Batch[] {
  return batches
    .filter((batch) => batch.usable && batch.vaccine === vaccine && batch.quantity_left > 0)
    .sort((a, b) => a.expires_on.localeCompare(b.expires_on) || a.batch_number.localeCompare(b.batch_number));
}
