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
    .execute();
}
