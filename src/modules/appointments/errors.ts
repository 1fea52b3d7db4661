import { AppError } from '../../core/errors.js';

/** Co-WIN's codes where bots depend on them (API-NOTES.md §3.4, §5); Teeka's own otherwise. */
export const sessionFull = () => new AppError('APPOIN0040', 409,
  'This vaccination center is completely booked for the selected date. Please try another date or vaccination center.');
export const invalidSlot = () => new AppError('APPOIN0015', 400, 'Invalid Slot Id: choose one of the session\'s slots', 'slot');
export const invalidCaptcha = () => new AppError('APPOIN0044', 400, 'Please enter valid security code', 'captcha');
export const unknownSession = () => new AppError('INVALID_SESSION', 400, 'This session does not exist. Search again and pick a session from the results.', 'session_id');
export const sessionClosed = () => new AppError('SESSION_CLOSED', 400, 'This session\'s date has passed. Please choose a session from today onwards.', 'session_id');
export const appointmentExists = () => new AppError('APPOINTMENT_EXISTS', 409,
  'This member already has an appointment. Reschedule or cancel it before booking another.', 'beneficiaries');
export const notEligible = (message: string, field = 'beneficiaries') => new AppError('NOT_ELIGIBLE', 400, message, field);
