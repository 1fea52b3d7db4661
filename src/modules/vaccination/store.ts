import type { Db } from '../../core/db.js';
import type { DoseRecordTable, VaccineBatchTable } from '../../core/db-tables.js';

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

export async function insertBatch(trx: Db, row: VaccineBatchTable): Promise<void> {
  await trx.insertInto('vaccine_batch').values(row).execute();
}

export function selectBatches(db: Db, facilityId: number) {
  return db.selectFrom('vaccine_batch')
    .select(['id', 'facility_id', 'vaccine', 'batch_number', 'expires_on', 'quantity_received', 'quantity_left', 'received_at'])
    .where('facility_id', '=', facilityId).orderBy('expires_on').orderBy('batch_number').execute();
}

export function selectBatch(db: Db, batchId: string) {
  return db.selectFrom('vaccine_batch').select(['id', 'facility_id', 'vaccine', 'batch_number', 'expires_on', 'quantity_left'])
    .where('id', '=', batchId).executeTakeFirst();
}

/** Takes one dose from a batch, in the recording transaction; false when none is left. */
export async function takeDoseFromBatch(trx: Db, batchId: string): Promise<boolean> {
  const result = await trx.updateTable('vaccine_batch').set((eb) => ({ quantity_left: eb('quantity_left', '-', 1) }))
    .where('id', '=', batchId).where('quantity_left', '>', 0).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertDoseRecord(trx: Db, row: DoseRecordTable): Promise<void> {
  await trx.insertInto('dose_record').values(row).execute();
}

/** Counts a wrong code or OTP for an appointment and returns the new count (rows lock per appointment). */
export async function countFailedEncounterAttempt(trx: Db, appointmentId: string): Promise<number> {
  const row = await trx.insertInto('encounter_attempt').values({ appointment_id: appointmentId, failed_attempts: 1 })
    .onConflict((oc) => oc.column('appointment_id').doUpdateSet((eb) => ({ failed_attempts: eb('encounter_attempt.failed_attempts', '+', 1) })))
    .returning('failed_attempts').executeTakeFirstOrThrow();
  return row.failed_attempts;
}

export function selectEncounterAttempt(db: Db, appointmentId: string) {
  return db.selectFrom('encounter_attempt').select(['failed_attempts', 'otp_mac', 'otp_expires_at'])
    .where('appointment_id', '=', appointmentId).forUpdate().executeTakeFirst();
}

export async function storeEncounterOtp(trx: Db, appointmentId: string, otpMac: string, expiresAt: Date): Promise<void> {
  await trx.insertInto('encounter_attempt').values({ appointment_id: appointmentId, otp_mac: otpMac, otp_expires_at: expiresAt })
    .onConflict((oc) => oc.column('appointment_id').doUpdateSet({ otp_mac: otpMac, otp_expires_at: expiresAt }))
    .execute();
}
