import { AppError } from '../../core/errors.js';

export const wrongCode = (left: number) => new AppError('WRONG_CODE', 400,
  `That code does not match this appointment. ${left} ${left === 1 ? 'try' : 'tries'} left; or send an OTP to the citizen's mobile instead.`, 'code');
export const encounterLocked = () => new AppError('ENCOUNTER_LOCKED', 429,
  'Too many wrong codes for this appointment today. Ask the citizen to book again or contact the district helpline.');
export const notToday = () => new AppError('NOT_TODAY', 409, 'This appointment is not for today at this centre.');
export const alreadyDone = () => new AppError('ALREADY_VACCINATED', 409, 'This appointment has already been completed.');
export const photoIdMismatch = () => new AppError('PHOTO_ID_MISMATCH', 400,
  'The last 4 characters do not match the photo ID registered for this person. Check the ID card again.', 'photo_id_last4');
export const batchUnusable = (why: string) => new AppError('BATCH_UNUSABLE', 409, why, 'batch_id');
