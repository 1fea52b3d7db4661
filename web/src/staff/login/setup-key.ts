/**
 * The secret inside an `otpauth://totp/...` URI, in groups of four as authenticator apps show
 * setup keys, for someone who cannot scan the QR code (a phone without a working camera, a screen
 * reader user). Undefined when the URI carries none.
 */
export function setupKeyOf(otpauthUrl: string): string | undefined {
  let secret: string | null;
  try {
    secret = new URL(otpauthUrl).searchParams.get('secret');
  } catch {
    return undefined;
  }
  if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) return undefined;
  return secret.replace(/=+$/, '').toUpperCase().match(/.{1,4}/g)!.join(' ');
}

/** The 6 digits of an authenticator code as typed: apps show "123 456", and phones add stray spaces. */
export function normaliseCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
