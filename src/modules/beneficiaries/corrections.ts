import { randomUUID } from 'node:crypto';
import type { Citizen } from '../../api/citizen.js';
import { todayInIndia } from '../../core/calendar-date.js';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { FieldResult } from './field-error.js';
import { validatePhotoId } from './id-documents.js';
import { validateBirthYear, validateGenderId, validateName } from './person-fields.js';
import type { CorrectionJurisdiction } from './correction-review-jurisdiction.js';
import type { BeneficiaryService, Member } from './service.js';
import * as reviewStore from './correction-review-store.js';
import * as store from './store.js';

import { correctableFields, type CorrectionField as CorrectableField, type CorrectionView } from './schema.js';

export interface CorrectionRequest {
  id: string;
  referenceId: string;
  field: CorrectableField;
  reason: string;
  status: 'open' | 'accepted' | 'rejected';
  createdAt: Date;
  decidedAt?: Date;
  rejectionReason?: string;
}

/** A request as its citizen sees it, in the API and in "My data". */
export function presentCorrection(c: CorrectionRequest): CorrectionView {
  return {
    id: c.id, beneficiary_reference_id: c.referenceId, field: c.field, status: c.status, created_at: c.createdAt.toISOString(),
    ...(c.decidedAt ? { decided_at: c.decidedAt.toISOString() } : {}),
    ...(c.rejectionReason === undefined ? {} : { rejection_reason: c.rejectionReason }),
  };
}

const MAX_REASON = 500;

const reasonContext = (id: string) => `correction_request.reason:${id}`;

/** The citizen's reason, sealed (migration 0013) or, until the next start seals it, as first written. */
export function correctionReason(cipher: FieldCipher, row: { id: string; reason: string | null; reason_enc: string | null }): string {
  return row.reason_enc === null ? (row.reason ?? '') : cipher.decrypt(row.reason_enc, reasonContext(row.id));
}

/**
 * "Raise an issue" (DPDP Act 2023 §12: the right to correction). The citizen asks for a field to
 * be corrected; the request waits in a queue for staff, encrypted like the field it would replace,
 * and nothing changes until staff accept it.
 */
export class CorrectionService {
  constructor(
    private readonly deps: {
      db: Db; clock: Clock; cipher: FieldCipher; access: AccessService; beneficiaries: BeneficiaryService;
      /** Where the request will be reviewed, fixed when it is raised (decision 0011). */
      jurisdictionOf: (member: Member) => Promise<CorrectionJurisdiction | undefined>;
    },
  ) {}

  async request(citizen: Citizen, input: { referenceId: string; field: unknown; requestedValue: unknown; reason: unknown }): Promise<CorrectionRequest> {
    const { db, clock, cipher, access, beneficiaries, jurisdictionOf } = this.deps;
    const member = await beneficiaries.findOwnMember(citizen, input.referenceId);
    if (typeof input.field !== 'string' || !correctableFields.includes(input.field as CorrectableField)) {
      throw new AppError('CORRECTION_FIELD', 400, `field must be one of ${correctableFields.join(', ')}`, 'field');
    }
    const field = input.field as CorrectableField;
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (reason.length === 0 || reason.length > MAX_REASON) {
      throw new AppError('CORRECTION_REASON', 400, `reason is required: say in up to ${MAX_REASON} characters what is wrong`, 'reason');
    }
    const value = this.validated(field, String(input.requestedValue ?? ''), member.photoIdType, Number(todayInIndia(clock.now()).slice(0, 4)));
    if (!value.ok) throw new AppError(value.code, 400, value.message, 'requested_value');
    const id = randomUUID();
    const now = clock.now();
    const place = await jurisdictionOf(member);
    await db.transaction().execute(async (trx) => {
      await store.insertCorrectionRequest(trx, {
        id, account_id: citizen.accountId, beneficiary_id: member.id, field,
        requested_value_enc: cipher.encrypt(String(value.value), `correction_request.requested_value:${id}`),
        reason_enc: cipher.encrypt(reason, reasonContext(id)), created_at: now, facility_id: place?.facilityId ?? null, district_id: place?.districtId ?? null,
      });
      await access.record({ type: 'correction.requested', actor: citizen, subject: member.id, outcome: 'done', ip: citizen.ip, detail: { field } }, trx);
    });
    return { id, referenceId: member.referenceId, field, reason, status: 'open', createdAt: now };
  }

  async listOwn(citizen: Citizen): Promise<CorrectionRequest[]> {
    return (await store.selectCorrectionRequests(this.deps.db, citizen.accountId)).map((row) => ({
      id: row.id,
      referenceId: row.reference_id,
      field: row.field,
      reason: correctionReason(this.deps.cipher, row),
      status: row.status,
      createdAt: new Date(row.created_at),
      ...(row.reviewed_at ? { decidedAt: new Date(row.reviewed_at) } : {}),
      ...(row.rejection_reason_enc
        ? { rejectionReason: this.deps.cipher.decrypt(row.rejection_reason_enc, `correction_request.rejection_reason:${row.id}`) }
        : {}),
    }));
  }

  /**
   * Encrypts the reasons of requests raised before reasons were encrypted (migration 0013); run at
   * start, when the keys are at hand. Each row on its own, so a crash part-way loses nothing.
   */
  async sealPlainReasons(): Promise<number> {
    const { db, cipher } = this.deps;
    let sealed = 0;
    for (let batch = await reviewStore.selectPlainReasons(db, 500); batch.length > 0; batch = await reviewStore.selectPlainReasons(db, 500)) {
      for (const row of batch) await reviewStore.sealReason(db, row.id, cipher.encrypt(row.reason ?? '', reasonContext(row.id)));
      sealed += batch.length;
    }
    return sealed;
  }

  private validated(field: CorrectableField, raw: string, photoIdType: number, currentYear: number): FieldResult<string | number> {
    switch (field) {
      case 'name': return validateName(raw);
      case 'birth_year': return validateBirthYear(raw, currentYear);
      case 'gender': return validateGenderId(raw);
      case 'photo_id': {
        const checked = validatePhotoId(photoIdType, raw);
        return checked.ok ? { ok: true, value: checked.normalised } : checked;
      }
    }
  }
}
