import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DevOutbox } from '../../src/core/sms/dev-outbox.js';
import { verhoeffCheckDigit } from '../../src/modules/beneficiaries/verhoeff.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The 6-digit OTP of the newest SMS to `mobile` in the outbox. */
export function latestOtp(outbox: DevOutbox, mobile: string): string {
  const message = outbox.list().find((m) => m.to === mobile);
  const otp = message && /\b(\d{6})\b/.exec(message.text)?.[1];
  if (!otp) throw new Error(`no OTP for ${mobile} in the outbox`);
  return otp;
}

/** Logs in through the real Co-WIN web flow and returns the bearer token. */
export async function loginAs(app: FastifyInstance, outbox: DevOutbox, mobile: string): Promise<string> {
  const sent = await app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile, secret: 'U2FsdGVkX1+x' } });
  if (sent.statusCode !== 200) throw new Error(`generateMobileOTP: ${sent.statusCode} ${sent.body}`);
  const confirmed = await app.inject({
    method: 'POST', url: '/api/v2/auth/validateMobileOtp', payload: { txnId: sent.json().txnId, otp: sha256(latestOtp(outbox, mobile)) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`validateMobileOtp: ${confirmed.statusCode} ${confirmed.body}`);
  return confirmed.json().token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Valid Aadhaar-format numbers (first digit 2-9, Verhoeff check digit), distinct for distinct seeds. */
export function aadhaarFor(seed: number): string {
  const base = String(23_456_789_012 + seed * 7919).slice(0, 11);
  return `${base}${verhoeffCheckDigit(base)}`;
}
