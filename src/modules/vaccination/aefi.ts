import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError, invalidInput, notFound } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { BookingService } from '../appointments/booking.js';
import { genderById } from '../beneficiaries/person-fields.js';
import type { BeneficiaryService } from '../beneficiaries/service.js';
import type { CertificateService } from '../certificates/service.js';
import type { FacilityService } from '../facilities/service.js';
import type { GeographyService } from '../geography/service.js';
import { assertWithinScope, placeOfDistrict, placeOfFacility } from '../staff/scope.js';
import { notesOf, onsetOf, outcomeOf, severityOf, symptomsOf } from './aefi-rules.js';
import type { AefiOutcome, AefiSeverity } from './aefi-schema.js';
import * as store from './aefi-store.js';
import type { Vaccinator } from './encounter.js';
import { centreOf } from './walk-in-otp.js';

type Staff = Vaccinator;

export interface AefiReportInput {
  certificateUvci?: string | undefined;
  appointmentId?: string | undefined;
  severity: string;
  onsetAt: string;
  symptoms: string[];
  outcome: string;
  notes?: string | undefined;
}

/** One case as lists show it: the dose, the event, and age and gender only of the person. */
export interface AefiCaseSummary {
  caseId: string;
  facilityId: number;
  districtId: number;
  vaccine: string;
  batchNumber: string | null;
  dose: number;
  administeredOn: string;
  age: number;
  gender: string;
  onsetAt: Date;
  symptoms: string[];
  severity: AefiSeverity;
  outcome: AefiOutcome;
  reportedAt: Date;
}

export interface AefiEntry {
  severity: AefiSeverity;
  outcome: AefiOutcome;
  notes: string | null;
  by: string;
  at: Date;
}

export interface AefiCase extends AefiCaseSummary {
  reported: AefiEntry;
  followUps: AefiEntry[];
}

export interface AefiList {
  cases: AefiCaseSummary[];
  counts: Record<AefiSeverity, number>;
  total: number;
  page: number;
  perPage: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const recordNotOpen = () => new AppError('NOT_FOUND', 404,
  'No such dose, or this person\'s record is not open at your centre today. Ask the person or their family for the code on their slip, ' +
  'or send a code to their mobile with their certificate (POST /api/staff/aefi/identifications).');

type CaseRow = NonNullable<Awaited<ReturnType<typeof store.selectCase>>>;

/**
 * Adverse events following immunisation. A centre reports an event only about someone whose record
 * is open there today (the encounter grant of their visit, or one they open again with a code), so
 * no one can attach events to a stranger; the lists that centres and districts read show no one's
 * identity. Reports and their follow-ups are never edited or deleted, only added to.
 */
export class AefiService {
  constructor(
    private readonly deps: {
      db: Db; clock: Clock; cipher: FieldCipher; access: AccessService; booking: BookingService; beneficiaries: BeneficiaryService;
      certificates: CertificateService; facilities: FacilityService; geography: GeographyService;
    },
  ) {}

  async report(staff: Staff, input: AefiReportInput): Promise<AefiCase> {
    const { db, clock, cipher, access, beneficiaries, facilities } = this.deps;
    const facilityId = centreOf(staff);
    const severity = severityOf(input.severity);
    const outcome = outcomeOf(input.outcome);
    const symptoms = symptomsOf(input.symptoms);
    const notes = notesOf(input.notes, symptoms.includes('other'));
    if ((input.certificateUvci === undefined) === (input.appointmentId === undefined)) {
      throw invalidInput('certificate_uvci', 'Name the dose the event followed: certificate_uvci, or appointment_id for a dose recorded here; one of the two');
    }
    const district = (await facilities.findById(facilityId))?.districtId;
    if (district === undefined) throw notFound('centre');
    const dose = await this.doseNamed(db, facilityId, input);
    const now = clock.now();
    const onset = onsetOf(input.onsetAt, dose.administered_at ? new Date(dose.administered_at) : new Date(`${dose.administered_on}T00:00:00+05:30`), now);
    // Outside the writing transaction, so that a refusal stays in the audit log.
    try {
      await access.authorize(staff, { subject: { kind: 'beneficiary', id: dose.beneficiary_id }, purpose: 'aefi', fields: ['birth_year', 'gender'] });
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) throw recordNotOpen();
      throw error;
    }
    const member = await beneficiaries.memberById(dose.beneficiary_id);
    if (!member) throw recordNotOpen();
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await store.insertReport(trx, {
        id, beneficiary_id: member.id, dose_record_id: dose.id, facility_id: facilityId, district_id: district,
        age: Number(todayInIndia(now).slice(0, 4)) - member.birthYear, gender_id: member.genderId, severity, onset_at: onset, symptoms, outcome,
        notes_enc: notes === null ? null : cipher.encrypt(notes, `aefi_report.notes:${id}`), reported_by: staff.staffId, reported_at: now,
        current_severity: severity, current_outcome: outcome, updated_at: now,
      });
      await access.record({
        type: 'aefi.reported', actor: staff, subject: member.id, outcome: 'done', ip: staff.ip,
        detail: { case_id: id, facility_id: facilityId, severity, dose: dose.dose, vaccine: dose.vaccine },
      }, trx);
    });
    return this.caseById(id);
  }

  /** A new severity (optional) and outcome for a case, by its centre's admin or its district's. */
  async followUp(staff: Staff, caseId: string, input: { outcome: string; severity?: string | undefined; notes?: string | undefined }): Promise<AefiCase> {
    const { db, clock, cipher, access } = this.deps;
    const outcome = outcomeOf(input.outcome);
    const notes = notesOf(input.notes, false);
    await db.transaction().execute(async (trx) => {
      const row = UUID.test(caseId) ? await store.selectCase(trx, caseId, true) : undefined;
      this.assertCaseInScope(staff, row);
      const severity = input.severity === undefined ? row.current_severity : severityOf(input.severity);
      const now = clock.now();
      const followUpId = randomUUID();
      // The case row is locked, so the next number is ours alone.
      const seq = (await store.selectFollowUps(trx, row.id)).length + 1;
      await store.insertFollowUp(trx, {
        id: followUpId, report_id: row.id, seq, severity, outcome, notes_enc: notes === null ? null : cipher.encrypt(notes, `aefi_follow_up.notes:${followUpId}`),
        recorded_by: staff.staffId, recorded_at: now,
      });
      await store.updateCurrent(trx, row.id, { current_severity: severity, current_outcome: outcome, updated_at: now });
      await access.record({
        type: 'aefi.followed_up', actor: staff, outcome: 'done', ip: staff.ip,
        detail: { case_id: row.id, facility_id: row.facility_id, severity, outcome, was_severity: row.current_severity, was_outcome: row.current_outcome },
      }, trx);
    });
    return this.caseById(caseId);
  }

  /** One case with its history, for staff whose scope holds its centre. */
  async caseFor(staff: Staff, caseId: string): Promise<AefiCase> {
    const row = UUID.test(caseId) ? await store.selectCase(this.deps.db, caseId) : undefined;
    this.assertCaseInScope(staff, row);
    return this.caseById(caseId);
  }

  async listAtCentre(staff: Staff, facilityId: number, query: { severity?: string | undefined; page: number; perPage: number }): Promise<AefiList> {
    assertWithinScope(staff.scope, await placeOfFacility(this.deps.geography, this.deps.facilities, facilityId));
    return this.list({ facilityId }, query);
  }

  async listInDistrict(staff: Staff, districtId: number, query: { severity?: string | undefined; page: number; perPage: number }): Promise<AefiList> {
    assertWithinScope(staff.scope, placeOfDistrict(this.deps.geography, districtId));
    return this.list({ districtId }, query);
  }

  private async list(scope: store.CaseScope, query: { severity?: string | undefined; page: number; perPage: number }): Promise<AefiList> {
    const severity = query.severity === undefined ? undefined : severityOf(query.severity);
    const [rows, bySeverity] = await Promise.all([
      store.selectCases(this.deps.db, scope, { severity, limit: query.perPage, offset: (query.page - 1) * query.perPage }),
      store.countBySeverity(this.deps.db, scope),
    ]);
    const counts = { minor: bySeverity.get('minor') ?? 0, serious: bySeverity.get('serious') ?? 0, severe: bySeverity.get('severe') ?? 0 };
    return {
      cases: rows.map(toSummary), counts, page: query.page, perPage: query.perPage,
      total: severity === undefined ? counts.minor + counts.serious + counts.severe : counts[severity],
    };
  }

  /** The dose named by its certificate, or by an appointment at this centre whose dose was recorded. */
  private async doseNamed(db: Db, facilityId: number, input: AefiReportInput) {
    if (input.appointmentId !== undefined) {
      const appointment = await this.deps.booking.appointmentAtCentre(facilityId, input.appointmentId, db);
      if (!appointment) throw recordNotOpen();
      if (appointment.status !== 'completed') throw new AppError('NOT_VACCINATED', 409, 'No dose has been recorded for this appointment yet.', 'appointment_id');
      const dose = await store.selectDoseRecordOf(db, appointment.beneficiary_id, appointment.dose);
      if (!dose) throw recordNotOpen();
      return dose;
    }
    const certificate = await this.deps.certificates.doseOf(input.certificateUvci!.toUpperCase(), db);
    const dose = certificate && (await store.selectDoseRecord(db, certificate.doseRecordId));
    if (!dose) throw recordNotOpen();
    return dose;
  }

  /** Not in scope and not there get the same 404 (decision 0008's rule for staff). */
  private assertCaseInScope(staff: Staff, row: CaseRow | undefined): asserts row is CaseRow {
    const place = row && placeOfDistrict(this.deps.geography, row.district_id);
    assertWithinScope(staff.scope, place && row && { ...place, facilityId: row.facility_id });
  }

  private async caseById(caseId: string): Promise<AefiCase> {
    const { db, cipher } = this.deps;
    const row = await store.selectCase(db, caseId);
    if (!row) throw notFound('case');
    const followUps = await store.selectFollowUps(db, caseId);
    return {
      ...toSummary(row),
      reported: {
        severity: row.severity, outcome: row.outcome, by: row.reported_by, at: new Date(row.reported_at),
        notes: row.notes_enc === null ? null : cipher.decrypt(row.notes_enc, `aefi_report.notes:${row.id}`),
      },
      followUps: followUps.map((f) => ({
        severity: f.severity, outcome: f.outcome, by: f.recorded_by, at: new Date(f.recorded_at),
        notes: f.notes_enc === null ? null : cipher.decrypt(f.notes_enc, `aefi_follow_up.notes:${f.id}`),
      })),
    };
  }
}

function toSummary(row: CaseRow): AefiCaseSummary {
  return {
    caseId: row.id, facilityId: row.facility_id, districtId: row.district_id, vaccine: row.vaccine, batchNumber: row.batch_number ?? null,
    dose: row.dose, administeredOn: row.administered_on, age: row.age, gender: genderById(row.gender_id)?.gender ?? '',
    onsetAt: new Date(row.onset_at), symptoms: row.symptoms, severity: row.current_severity, outcome: row.current_outcome, reportedAt: new Date(row.reported_at),
  };
}
