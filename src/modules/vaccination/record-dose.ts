import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { BookingService } from '../appointments/booking.js';
import { ineligibilityFor, nextDoseOf } from '../appointments/eligibility.js';
import type { BeneficiaryService } from '../beneficiaries/service.js';
import type { Vaccinator } from './encounter.js';
import { alreadyDone, batchUnusable, notToday, photoIdMismatch } from './errors.js';
import type { VaccinationService } from './service.js';
import type { VaccineLookup } from './vaccines.js';
import * as store from './store.js';

/** What recording a dose hands to the certificate module, inside the same transaction. */
export interface CertificateIssuer {
  issueFor(trx: Db, dose: { doseRecordId: string; beneficiaryId: string; dose: number }): Promise<{ id: string; uvci: string; kind: string }>;
}

export interface RecordedDose {
  doseRecordId: string;
  dose: number;
  vaccine: string;
  batchNumber: string;
  certificate: { id: string; uvci: string; kind: string };
}

/**
 * Records a dose at the centre, in one transaction: the encounter grant must be open, the photo
 * ID's last 4 characters must match, the batch must be this centre's, of the session's vaccine,
 * unexpired and not empty (its stock drops by one), the dose must be the one due; the appointment
 * completes and the certificate is issued.
 */
export class DoseRecordingService {
  constructor(
    private readonly deps: {
      db: Db; clock: Clock; access: AccessService; booking: BookingService; beneficiaries: BeneficiaryService;
      vaccination: VaccinationService; certificates: CertificateIssuer; vaccines: VaccineLookup;
    },
  ) {}

  async recordDose(staff: Vaccinator, input: { appointmentId: string; batchId: string; photoIdLast4: string }): Promise<RecordedDose> {
    const { db, clock, access, booking, beneficiaries, vaccination, certificates } = this.deps;
    if (staff.scope.level !== 'facility') throw notFound('appointment');
    const facilityId = staff.scope.facilityId;
    const today = todayInIndia(clock.now());
    const appointmentHere = async (db: Db) => {
      const appointment = await booking.appointmentAtCentre(facilityId, input.appointmentId, db);
      if (!appointment) throw await booking.notAtCentre(input.appointmentId, db);
      if (appointment.date !== today) throw notToday();
      if (appointment.status !== 'booked') throw alreadyDone();
      return appointment;
    };
    // Refused, and logged, unless this vaccinator's centre has an open encounter with this person;
    // outside the writing transaction, so that a refusal stays in the audit log (decision 0015).
    const checked = await appointmentHere(db);
    await access.authorize(staff, { subject: { kind: 'beneficiary', id: checked.beneficiary_id }, purpose: 'vaccinate', fields: ['photo_id'] });
    return db.transaction().execute(async (trx) => {
      // Again inside: the dose may have been recorded by another request since.
      const appointment = await appointmentHere(trx);
      const member = await beneficiaries.memberById(appointment.beneficiary_id, trx);
      if (!member) throw notFound('beneficiary');
      const last4 = input.photoIdLast4.trim().toUpperCase();
      if (!/^[0-9A-Z]{4}$/.test(last4) || !member.photoIdMasked.replace(/-/g, '').endsWith(last4)) throw photoIdMismatch();

      const doses = (await vaccination.dosesOf([member.id], trx)).get(member.id) ?? [];
      const due = nextDoseOf(doses);
      if (due !== appointment.dose) {
        throw new AppError('DOSE_MISMATCH', 409, `This person is due dose ${due ?? 'none'}, but the appointment is for dose ${appointment.dose}.`);
      }
      const session = { id: appointment.session_id, facilityId, date: today, vaccine: appointment.vaccine, minAgeLimit: 0, maxAgeLimit: null, slots: [] };
      const problem = ineligibilityFor(member, doses, appointment.dose, session, this.deps.vaccines);
      if (problem) throw new AppError('NOT_ELIGIBLE', 409, problem);

      const batch = await store.selectBatch(trx, input.batchId);
      if (!batch || batch.facility_id !== facilityId) throw batchUnusable('That batch is not in this centre\'s stock.');
      if (batch.vaccine !== appointment.vaccine) throw batchUnusable(`That batch is ${batch.vaccine}; this session gives ${appointment.vaccine}.`);
      if (batch.expires_on < today) throw batchUnusable(`Batch ${batch.batch_number} expired on ${batch.expires_on}. Do not use it.`);
      if (!(await store.takeDoseFromBatch(trx, batch.id))) throw batchUnusable(`Batch ${batch.batch_number} has no doses left.`);

      const doseRecordId = randomUUID();
      const now = clock.now();
      await store.insertDoseRecord(trx, {
        id: doseRecordId, beneficiary_id: member.id, dose: appointment.dose, vaccine: appointment.vaccine, administered_on: today,
        facility_id: facilityId, session_id: appointment.session_id, recorded_at: now, batch_id: batch.id, vaccinator_id: staff.staffId,
        administered_at: now,
      });
      await booking.completeAppointment(trx, appointment.id);
      const certificate = await certificates.issueFor(trx, { doseRecordId, beneficiaryId: member.id, dose: appointment.dose });
      await access.record({
        type: 'dose.recorded', actor: staff, subject: member.id, outcome: 'done', ip: staff.ip,
        detail: { dose: appointment.dose, vaccine: appointment.vaccine, batch: batch.batch_number, facility_id: facilityId },
      }, trx);
      return { doseRecordId, dose: appointment.dose, vaccine: appointment.vaccine, batchNumber: batch.batch_number, certificate };
    });
  }
}
