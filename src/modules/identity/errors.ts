import { AppError } from '../../core/errors.js';

/** Co-WIN's codes where Co-WIN had one (API-NOTES.md §3.3, §5); Teeka's own otherwise. */
export const mobileRequired = () => new AppError('USRAUT0010', 400, 'Mobile is Required', 'mobile');
export const invalidMobile = () =>
  new AppError('INVALID_INPUT', 400, 'mobile must be a 10-digit Indian mobile number starting with 6, 7, 8 or 9', 'mobile');
export const otpRequired = () => new AppError('USRAUT0012', 400, 'OTP is Required', 'otp');
export const invalidOtp = () =>
  new AppError('USRAUT0014', 400, 'Invalid OTP: check the 6 digits, or ask for a new OTP if it has expired', 'otp');
export const otpTooSoon = (seconds: number) =>
  new AppError('OTP_TOO_SOON', 429, `An OTP was sent to this number moments ago. Please wait ${seconds} seconds before asking for another.`, 'mobile', seconds);
export const otpDailyLimit = (seconds: number) =>
  new AppError('OTP_DAILY_LIMIT', 429, 'Too many OTPs for this number today. Please try again tomorrow.', 'mobile', seconds);
