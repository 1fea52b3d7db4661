import type { Db } from '../../core/db.js';

export interface DoseRow {
  beneficiary_id: string;
  dose: number;
  vaccine: string;
  administered_on: string;
}

export function selectDoses(db: Db, beneficiaryIds: string[]): Promise<DoseRow[]> {
  if (beneficiaryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dose_record')
    .select(['beneficiary_id', 'dose', 'vaccine', 'administered_on'])
    .where('beneficiary_id', 'in', beneficiaryIds)
    .orderBy('beneficiary_id')
    .orderBy('dose')
    .execute();
}
