import { jwtVerify, SignJWT } from 'jose';

/** Co-WIN's tokens lived 15 minutes (API-NOTES.md §4); clients decode `exp` to know when to log in again. */
export const TOKEN_LIFETIME_SECONDS = 900;

export interface TokenClaims {
  accountId: string;
  sessionId: string;
}

/**
 * HS256 JWTs as Co-WIN issued them, with integer iat/exp. The payload holds opaque ids only (no
 * mobile, no name, no reference id): clients read it without verifying, so anything in it is public.
 */
export async function signToken(key: Buffer, claims: TokenClaims, issuedAt: Date): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  const exp = iat + TOKEN_LIFETIME_SECONDS;
  const token = await new SignJWT({ user_id: claims.accountId, user_type: 'BENEFICIARY' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.accountId)
    .setJti(claims.sessionId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** The claims of a valid, unexpired token, or undefined. Revocation is checked by the caller. */
export async function verifyToken(key: Buffer, token: string, now: Date): Promise<TokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now, clockTolerance: 0 });
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') return undefined;
    return { accountId: payload.sub, sessionId: payload.jti };
  } catch {
    return undefined;
  }
}
