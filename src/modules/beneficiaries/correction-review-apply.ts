import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import * as reviewStore from './correction-review-store.js';
import { maskPhotoId, photoIdTypeById, validatePhotoIdTypeForAge } from './id-documents.js';
import type { CorrectionField } from './schema.js';
import type { Member } from './service.js';
import * as store from './store.js';

const photoIdTaken = () => new AppError('PHOTO_ID_TAKEN', 409,
  'The requested ID number is registered to another person, so it cannot be given to this one. Reject the request and tell the citizen to call the helpline.');

const ageConflict = (year: number, documentType: string) => new AppError('CORRECTION_CONFLICT', 409,
  `With ${year} as the year of birth, this person's ${documentType} would not be valid for their age. Reject the request and tell the citizen to call the helpline.`);

/**
 * Writes an accepted correction into the person's record, inside the deciding transaction. The
 * value was validated and normalised when the citizen asked. Names and ID numbers are encrypted
 * as at registration; a new ID number takes over the one-registration-per-document claim, so the
 * old document is free again and the new one cannot belong to two people.
 */
export async function applyCorrection(
  cipher: FieldCipher, trx: Db, member: Member, correction: { field: CorrectionField; value: string; currentYear: number },
): Promise<void> {
  const { field, value } = correction;
  switch (field) {
    case 'name':
      return reviewStore.updateBeneficiary(trx, member.id, { name_enc: cipher.encrypt(value, `beneficiary.name:${member.id}`) });
    case 'gender':
      return reviewStore.updateBeneficiary(trx, member.id, { gender_id: Number(value) });
    case 'birth_year': {
      const year = Number(value);
      if (!validatePhotoIdTypeForAge(member.photoIdType, correction.currentYear - year).ok) {
        throw ageConflict(year, photoIdTypeById(member.photoIdType)?.type ?? 'photo ID');
      }
      return reviewStore.updateBeneficiary(trx, member.id, { birth_year: year });
    }
    case 'photo_id':
      await reviewStore.releasePhotoIdClaim(trx, member.id);
      // The same blind-index context as registration, or the rule would not see the two as one document.
      if (!(await store.claimPhotoId(trx, cipher.blindIndex(`photo_id:${member.photoIdType}`, value), member.id))) throw photoIdTaken();
      return reviewStore.updateBeneficiary(trx, member.id, {
        photo_id_enc: cipher.encrypt(value, `beneficiary.photo_id:${member.id}`),
        photo_id_masked: maskPhotoId(member.photoIdType, value),
      });
  }
}
