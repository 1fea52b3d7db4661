import type { Db } from '../../core/db.js';
import type { CertificateTable } from '../../core/db-tables.js';

export async function insertCertificate(trx: Db, row: CertificateTable): Promise<void> {
  await trx.insertInto('certificate').values(row).execute();
}

export function selectCertificatesOf(db: Db, beneficiaryId: string) {
  return db.selectFrom('certificate')
    .innerJoin('dose_record', 'dose_record.id', 'certificate.dose_record_id')
    .select([
      'certificate.id', 'certificate.uvci', 'certificate.kind', 'certificate.issued_at', 'certificate.revoked_at',
      'dose_record.dose', 'dose_record.vaccine', 'dose_record.administered_on', 'dose_record.facility_id', 'dose_record.batch_id',
    ])
    .where('certificate.beneficiary_id', '=', beneficiaryId)
    .orderBy('certificate.issued_at', 'desc')
    // Certificates reissued after a correction share one issue time; the highest dose is the latest.
    .orderBy('dose_record.dose', 'desc')
    .execute();
}

export function selectLiveCertificatesOf(db: Db, beneficiaryId: string) {
  return db.selectFrom('certificate')
    .innerJoin('dose_record', 'dose_record.id', 'certificate.dose_record_id')
    .select(['certificate.uvci', 'certificate.dose_record_id', 'dose_record.dose'])
    .where('certificate.beneficiary_id', '=', beneficiaryId).where('certificate.revoked_at', 'is', null)
    .orderBy('dose_record.dose')
    .execute();
}

export function selectDoseOfCertificate(db: Db, uvci: string) {
  return db.selectFrom('certificate').select(['dose_record_id', 'beneficiary_id']).where('uvci', '=', uvci).executeTakeFirst();
}

export function selectCertificateByUvci(db: Db, uvci: string) {
  return db.selectFrom('certificate').select(['id', 'beneficiary_id', 'kind', 'revoked_at', 'revocation_reason'])
    .where('uvci', '=', uvci).executeTakeFirst();
}

export function selectRevokedUvcis(db: Db) {
  return db.selectFrom('certificate').select(['uvci', 'revoked_at']).where('revoked_at', 'is not', null).orderBy('revoked_at').execute();
}

export async function revokeCertificate(trx: Db, uvci: string, reason: string, at: Date): Promise<boolean> {
  const result = await trx.updateTable('certificate').set({ revoked_at: at, revocation_reason: reason })
    .where('uvci', '=', uvci.trim()).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}


export function selectBatchNumbers(db: Db, batchIds: string[]) {
  if (batchIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('vaccine_batch').select(['id', 'batch_number']).where('id', 'in', batchIds).execute();
}
