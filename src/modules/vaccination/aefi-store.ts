import { sql } from 'kysely';
import type { Db } from '../../core/db.js';
import type { AefiFollowUpTable, AefiReportTable } from '../../core/db-tables.js';

export function selectDoseRecord(db: Db, doseRecordId: string) {
  return db.selectFrom('dose_record').select(['id', 'beneficiary_id', 'dose', 'vaccine', 'administered_on', 'administered_at', 'facility_id'])
    .where('id', '=', doseRecordId).executeTakeFirst();
}

export function selectDoseRecordOf(db: Db, beneficiaryId: string, dose: number) {
  return db.selectFrom('dose_record').select(['id', 'beneficiary_id', 'dose', 'vaccine', 'administered_on', 'administered_at', 'facility_id'])
    .where('beneficiary_id', '=', beneficiaryId).where('dose', '=', dose).executeTakeFirst();
}

export async function insertReport(trx: Db, row: AefiReportTable): Promise<void> {
  await trx.insertInto('aefi_report').values(row).execute();
}

export async function insertFollowUp(trx: Db, row: AefiFollowUpTable): Promise<void> {
  await trx.insertInto('aefi_follow_up').values(row).execute();
}

/** Moves where the case stands; the columns of what was reported cannot change (a trigger refuses). */
export async function updateCurrent(trx: Db, id: string, current: Pick<AefiReportTable, 'current_severity' | 'current_outcome' | 'updated_at'>): Promise<void> {
  await trx.updateTable('aefi_report').set(current).where('id', '=', id).execute();
}

const caseColumns = [
  'aefi_report.id', 'aefi_report.facility_id', 'aefi_report.district_id', 'aefi_report.age', 'aefi_report.gender_id', 'aefi_report.severity',
  'aefi_report.onset_at', 'aefi_report.symptoms', 'aefi_report.outcome', 'aefi_report.notes_enc', 'aefi_report.reported_by', 'aefi_report.reported_at',
  'aefi_report.current_severity', 'aefi_report.current_outcome', 'dose_record.vaccine', 'dose_record.dose', 'dose_record.administered_on',
  'vaccine_batch.batch_number',
] as const;

function withDose(db: Db) {
  return db.selectFrom('aefi_report')
    .innerJoin('dose_record', 'dose_record.id', 'aefi_report.dose_record_id')
    .leftJoin('vaccine_batch', 'vaccine_batch.id', 'dose_record.batch_id');
}

export function selectCase(db: Db, id: string, forUpdate = false) {
  const query = withDose(db).select(caseColumns).where('aefi_report.id', '=', id);
  return (forUpdate ? query.forUpdate('aefi_report') : query).executeTakeFirst();
}

export function selectFollowUps(db: Db, reportId: string) {
  return db.selectFrom('aefi_follow_up').select(['id', 'seq', 'severity', 'outcome', 'notes_enc', 'recorded_by', 'recorded_at'])
    .where('report_id', '=', reportId).orderBy('seq').execute();
}

export type CaseScope = { facilityId: number } | { districtId: number };

function scopeFilter(scope: CaseScope) {
  return 'facilityId' in scope
    ? { column: 'aefi_report.facility_id' as const, id: scope.facilityId }
    : { column: 'aefi_report.district_id' as const, id: scope.districtId };
}

/** A page of cases in a centre or district, newest report first. */
export function selectCases(db: Db, scope: CaseScope, filter: { severity?: AefiReportTable['current_severity'] | undefined; limit: number; offset: number }) {
  const { column, id } = scopeFilter(scope);
  let query = withDose(db).select(caseColumns).where(column, '=', id);
  if (filter.severity) query = query.where('aefi_report.current_severity', '=', filter.severity);
  return query.orderBy('aefi_report.reported_at', 'desc').orderBy('aefi_report.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

/** Cases in a centre or district by where their severity stands now. */
export async function countBySeverity(db: Db, scope: CaseScope): Promise<Map<string, number>> {
  const { column, id } = scopeFilter(scope);
  const rows = await db.selectFrom('aefi_report').select(['current_severity', sql<number>`count(*)`.as('n')])
    .where(column, '=', id).groupBy('current_severity').execute();
  return new Map(rows.map((r) => [r.current_severity, Number(r.n)]));
}
