import { formatCowinDate, todayInIndia } from '../../core/calendar-date.js';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import { SmsDeliveryError, type SmsGateway } from '../../core/sms/gateway.js';
import type { Actor } from '../access/schema.js';
import type { AccessService } from '../access/service.js';
import type { CertificateService } from '../certificates/service.js';
import type { FacilityService } from '../facilities/service.js';
import type { GeographyService } from '../geography/service.js';
import type { IdentityService } from '../identity/service.js';
import type { StaffActor } from '../staff/service.js';
import { applyCorrection } from './correction-review-apply.js';
import { isReviewableBy, queueOf } from './correction-review-jurisdiction.js';
import { correctionReason } from './corrections.js';
import * as reviewStore from './correction-review-store.js';
import { photoIdTypeById } from './id-documents.js';
import { genderById } from './person-fields.js';
import type { CorrectionField } from './schema.js';
import type { BeneficiaryService } from './service.js';

/** How many of the oldest open requests a queue answer holds; the rest follow as these are decided. */
const QUEUE_PAGE = 100;
const MAX_REJECTION_REASON = 500;
const CORRECTION_REVOCATION = 'correction';

export interface Place {
  centre: { id: number; name: string } | null;
  district: { id: number; name: string; stateId: number; stateName: string } | null;
}

export interface QueueEntry extends Place {
  id: string;
  field: CorrectionField;
  createdAt: Date;
}

export interface RequestUnderReview extends Place {
  id: string;
  field: CorrectionField;
  createdAt: Date;
  reason: string;
  photoIdType?: string;
  currentValue: string;
  requestedValue: string;
}

export interface Decision {
  id: string;
  status: 'accepted' | 'rejected';
  certificatesReissued: number;
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof reviewStore.selectRequest>>>;

const alreadyDecided = (status: string) =>
  new AppError('CORRECTION_DECIDED', 409, `This request has already been ${status}. Reload the queue for the ones still open.`);

const notifier: Actor = { kind: 'system', name: 'corrections' };

/**
 * The staff side of "Raise an issue" (decision 0011): a queue per jurisdiction that shows no
 * personal data, one request opened at a time through a `correction-review` ticket (recorded,
 * budgeted, visible to the citizen), and a decision: accept, which corrects the record and
 * reissues the certificates in one transaction, or reject with a reason the citizen reads.
 */
export class CorrectionReviewService {
  constructor(
    private readonly deps: {
      db: Db; clock: Clock; cipher: FieldCipher; sms: SmsGateway; access: AccessService; identity: IdentityService;
      beneficiaries: BeneficiaryService; certificates: CertificateService; geography: GeographyService; facilities: FacilityService;
    },
  ) {}

  async queue(staff: StaffActor): Promise<{ total: number; entries: QueueEntry[] }> {
    const { db, geography } = this.deps;
    const filter = queueOf(geography, staff.scope);
    const [rows, total] = await Promise.all([reviewStore.selectOpenQueue(db, filter, QUEUE_PAGE), reviewStore.countOpenQueue(db, filter)]);
    const centres = await this.deps.facilities.findByIds(rows.flatMap((r) => (r.facility_id === null ? [] : [r.facility_id])));
    return {
      total,
      entries: rows.map((row) => ({
        id: row.id, field: row.field, createdAt: new Date(row.created_at), ...this.placeOf(row, centres),
      })),
    };
  }

  /** The one field's current and requested values, read through a ticket the citizen will see in their access history. */
  async open(staff: StaffActor, id: string): Promise<RequestUnderReview> {
    const { access, beneficiaries, cipher, facilities } = this.deps;
    const row = await this.requestInScope(staff, id);
    if (row.status !== 'open') throw alreadyDecided(row.status);
    const ticket = await access.authorize(staff, { subject: { kind: 'beneficiary', id: row.beneficiary_id }, purpose: 'correction-review', fields: [row.field] });
    const member = await beneficiaries.memberById(row.beneficiary_id);
    if (!member) throw notFound('correction request');
    const requested = cipher.decrypt(row.requested_value_enc, `correction_request.requested_value:${row.id}`);
    let current: string;
    let requestedValue = requested;
    switch (row.field) {
      case 'name': current = (await beneficiaries.readPersonal(ticket)).name.reveal(); break;
      case 'photo_id': current = (await beneficiaries.readPersonal(ticket)).photoIdNumber.reveal(); break;
      case 'birth_year': current = String(member.birthYear); break;
      case 'gender':
        current = genderById(member.genderId)?.gender ?? '';
        requestedValue = genderById(Number(requested))?.gender ?? '';
        break;
    }
    const centres = await facilities.findByIds(row.facility_id === null ? [] : [row.facility_id]);
    return {
      id: row.id, field: row.field, createdAt: new Date(row.created_at), reason: correctionReason(cipher, row), ...this.placeOf(row, centres),
      ...(row.field === 'photo_id' ? { photoIdType: photoIdTypeById(member.photoIdType)?.type ?? '' } : {}),
      currentValue: current, requestedValue,
    };
  }

  /**
   * Corrects the record in one transaction: the field (re-encrypted, with the ID document's masked
   * form and claim for a photo ID), every certificate revoked as "correction" and issued afresh,
   * the request closed, the fact in the audit chain. Then the citizen gets an SMS.
   */
  async accept(staff: StaffActor, id: string): Promise<Decision> {
    const { db, clock, cipher, access, beneficiaries, certificates } = this.deps;
    const row = await this.requestInScope(staff, id);
    if (row.status !== 'open') throw alreadyDecided(row.status);
    // Outside the transaction, so the grant (or the refusal) stays in the log whatever follows.
    await access.authorize(staff, { subject: { kind: 'beneficiary', id: row.beneficiary_id }, purpose: 'correction-review', fields: [row.field] });
    const value = cipher.decrypt(row.requested_value_enc, `correction_request.requested_value:${row.id}`);
    const now = clock.now();
    const reissued = await db.transaction().execute(async (trx) => {
      const locked = await reviewStore.lockRequest(trx, id);
      if (!locked || locked.status !== 'open') throw alreadyDecided(locked?.status ?? 'decided');
      const member = await beneficiaries.memberById(row.beneficiary_id, trx);
      if (!member) throw notFound('correction request');
      await applyCorrection(cipher, trx, member, { field: row.field, value, currentYear: Number(todayInIndia(now).slice(0, 4)) });
      const fresh = await certificates.reissueAll(trx, member.id, CORRECTION_REVOCATION);
      await reviewStore.markDecided(trx, id, { status: 'accepted', reviewedBy: staff.staffId, reviewedAt: now, rejectionReasonEnc: null });
      await access.record({
        type: 'correction.accepted', actor: staff, subject: member.id, outcome: 'done', ip: staff.ip,
        detail: { request_id: id, field: row.field, certificates_reissued: fresh.length },
      }, trx);
      return fresh.length;
    });
    await this.notify(row, 'accepted');
    return { id, status: 'accepted', certificatesReissued: reissued };
  }

  /** Closes the request unchanged, with the reviewer's reason for the citizen (encrypted: it may quote them). */
  async reject(staff: StaffActor, id: string, rawReason: unknown): Promise<Decision> {
    const { db, clock, cipher, access } = this.deps;
    const row = await this.requestInScope(staff, id);
    if (row.status !== 'open') throw alreadyDecided(row.status);
    const reason = typeof rawReason === 'string' ? rawReason.trim() : '';
    if (reason.length === 0 || reason.length > MAX_REJECTION_REASON) {
      throw new AppError('REJECTION_REASON', 400, `reason is required: tell the citizen in up to ${MAX_REJECTION_REASON} characters why, and what they can do instead`, 'reason');
    }
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const decided = await reviewStore.markDecided(trx, id, {
        status: 'rejected', reviewedBy: staff.staffId, reviewedAt: now,
        rejectionReasonEnc: cipher.encrypt(reason, `correction_request.rejection_reason:${id}`),
      });
      if (!decided) throw alreadyDecided('decided');
      await access.record({
        type: 'correction.rejected', actor: staff, subject: row.beneficiary_id, outcome: 'done', ip: staff.ip, detail: { request_id: id, field: row.field },
      }, trx);
    });
    await this.notify(row, 'rejected');
    return { id, status: 'rejected', certificatesReissued: 0 };
  }

  /**
   * The request, if it lies in the reviewer's jurisdiction. One outside it answers 404 like one that
   * does not exist, and the attempt is recorded against the person, where they and auditors see it.
   */
  private async requestInScope(staff: StaffActor, id: string): Promise<RequestRow> {
    const row = await reviewStore.selectRequest(this.deps.db, id);
    if (!row) throw notFound('correction request');
    if (!isReviewableBy(this.deps.geography, staff.scope, row.district_id)) {
      await this.deps.access.record({
        type: 'access.denied', actor: staff, subject: row.beneficiary_id, purpose: 'correction-review', fields: [row.field],
        outcome: 'denied', ip: staff.ip, detail: { reason: 'scope' },
      });
      throw notFound('correction request');
    }
    return row;
  }

  private placeOf(row: { facility_id: number | null; district_id: number | null }, centres: Map<number, { id: number; name: string }>): Place {
    const centre = row.facility_id === null ? undefined : centres.get(row.facility_id);
    const district = row.district_id === null ? undefined : this.deps.geography.placeOf(row.district_id);
    return {
      centre: centre ? { id: centre.id, name: centre.name } : null,
      district: district ? { id: district.districtId, name: district.districtName.trim(), stateId: district.stateId, stateName: district.stateName } : null,
    };
  }

  /** Tells the citizen a decision was made, and nothing about whom it concerns beyond a reference's last digits. */
  private async notify(row: RequestRow, outcome: 'accepted' | 'rejected'): Promise<void> {
    const { access, identity, beneficiaries, sms } = this.deps;
    const member = await beneficiaries.memberById(row.beneficiary_id);
    const ticket = await access.authorize(notifier, { subject: { kind: 'account', id: row.account_id }, purpose: 'notification', fields: ['mobile'] });
    const mobile = await identity.readMobile(ticket);
    const raised = formatCowinDate(todayInIndia(new Date(row.created_at)));
    const result = outcome === 'accepted' ? 'accepted and your record corrected' : 'not accepted; the reason is in the Teeka app';
    try {
      await sms.send({
        to: mobile.reveal(),
        text: `Teeka: your correction request of ${raised} (ref ..${member?.referenceId.slice(-4) ?? ''}) was ${result}. See "Raise an issue" in the app.`,
      });
    } catch (error) {
      // The decision stands either way; the citizen sees it in the app.
      if (!(error instanceof SmsDeliveryError)) throw error;
    }
  }
}
