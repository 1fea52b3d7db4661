import { randomBytes, randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { addDays, todayInIndia } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import { OAuthError } from './errors.js';
import { accessTokenMac, type GateDeps, type PartnerGate } from './gate.js';
import { assertionAlgorithms } from './jwks.js';
import { partnerScopes, type PartnerScope, type TokenForm, type TokenView } from './schema.js';
import * as store from './store.js';

export const ACCESS_TOKEN_SECONDS = 300;
/** RFC 7523 §3 lets the server bound how far ahead an assertion's exp may be; a short one limits a stolen assertion. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
/** Leeway for partners' clocks on exp, nbf and iat. */
const CLOCK_SKEW_SECONDS = 30;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const refusal = (description: string) => new OAuthError('invalid_client', description);

/** Why jose refused an assertion, in words a partner's developer can act on. */
function assertionProblem(error: unknown, tokenUrl: string): string {
  const code = (error as { code?: string }).code;
  const claim = (error as { claim?: string }).claim;
  if (code === 'ERR_JWT_EXPIRED') return 'The client assertion has expired: sign a fresh one for each token request.';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    if (claim === 'aud') return `The client assertion's aud must be ${tokenUrl}.`;
    if (claim === 'nbf' || claim === 'iat') return `The client assertion's ${claim} is in the future: check the partner server's clock.`;
    return `The client assertion's ${claim ?? 'claims'} are not valid: iss and sub must be the client_id, and exp and jti are required.`;
  }
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return `Sign the client assertion with ${assertionAlgorithms.join(', ')}.`;
  return 'The client assertion\'s signature does not match any key registered for this client.';
}

/**
 * The token endpoint's rules: OAuth 2.0 client credentials (RFC 6749 §4.4) with the client
 * authenticated by a JWT it signed with its own private key (`private_key_jwt`, RFC 7523 §2.2 and
 * §3). Assertion ids are single use; access tokens are 32 random bytes, valid 5 minutes, kept as a MAC.
 */
export class TokenIssuer {
  constructor(private readonly deps: GateDeps, private readonly gate: PartnerGate) {}

  async issue(form: TokenForm, ip: string | undefined, tokenUrl: string): Promise<TokenView> {
    if (!form.grant_type) throw new OAuthError('invalid_request', 'grant_type is required: use client_credentials.');
    if (form.grant_type !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'Only the client_credentials grant is supported.');
    if (form.client_assertion_type !== JWT_BEARER) throw new OAuthError('invalid_request', `client_assertion_type must be ${JWT_BEARER}.`);
    if (!form.client_assertion) throw new OAuthError('invalid_request', 'client_assertion is required: a JWT signed with the partner\'s private key.');
    const clientId = claimedClient(form.client_assertion);
    if (!clientId || (form.client_id !== undefined && form.client_id !== clientId)) {
      throw refusal('The client assertion must carry the client_id as both iss and sub (and match client_id, if sent).');
    }
    const { db, clock, access } = this.deps;
    const partner = await store.selectPartnerByClientId(db, clientId);
    if (!partner) throw refusal('Unknown client.');
    const actor = { kind: 'partner' as const, partnerId: partner.id, tokenId: 'none', ip };
    const refuse = async (error: OAuthError | AppError, reason: string) => {
      await access.record({ type: 'partner.token_refused', actor, outcome: 'denied', ip, detail: { reason } });
      return error;
    };
    try {
      await this.gate.admit(partner, ip, 'token');
    } catch (error) {
      if (error instanceof AppError && error.code === 'PARTNER_DISABLED') throw await refuse(refusal('This client is disabled or suspended.'), 'disabled');
      throw error;
    }
    const now = clock.now();
    let claims: { exp?: number; jti?: string };
    try {
      ({ payload: claims } = await jwtVerify(form.client_assertion, createLocalJWKSet(partner.jwks as JSONWebKeySet), {
        algorithms: [...assertionAlgorithms], issuer: clientId, subject: clientId, audience: tokenUrl,
        currentDate: now, clockTolerance: CLOCK_SKEW_SECONDS, requiredClaims: ['exp', 'jti'],
      }));
    } catch (error) {
      throw await refuse(refusal(assertionProblem(error, tokenUrl)), (error as { code?: string }).code ?? 'invalid');
    }
    const expiresAt = new Date(claims.exp! * 1000);
    if (expiresAt.getTime() - now.getTime() > (MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) * 1000) {
      throw await refuse(refusal(`The client assertion's exp may be at most ${MAX_ASSERTION_LIFETIME_SECONDS / 60} minutes ahead.`), 'exp_too_far');
    }
    const jti = claims.jti!;
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > 200) throw await refuse(refusal('The client assertion\'s jti must be 1 to 200 characters.'), 'jti');
    const scopes = requestedScopes(form.scope, partner.scopes as PartnerScope[]);
    if (!scopes) throw await refuse(new OAuthError('invalid_scope', `scope may name only: ${partner.scopes.join(' ')}.`), 'scope');

    const token = randomBytes(32).toString('base64url');
    const tokenId = randomUUID();
    const replayed = await db.transaction().execute(async (trx) => {
      // Kept past the skew too, so an assertion cannot come back once its id is forgotten.
      if (!(await store.claimAssertionJti(trx, partner.id, jti, new Date(expiresAt.getTime() + CLOCK_SKEW_SECONDS * 1000)))) return true;
      await store.insertAccessToken(trx, {
        id: tokenId, partner_id: partner.id, token_mac: accessTokenMac(this.deps.cipher, token), scopes,
        issued_at: now, expires_at: new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000), revoked_at: null,
      });
      await access.record({ type: 'partner.token_issued', actor: { ...actor, tokenId }, outcome: 'done', ip, detail: { scopes: scopes.join(' ') } }, trx);
      await store.pruneBookkeeping(trx, partner.id, now, new Date(`${addDays(todayInIndia(now), -1)}T00:00:00+05:30`));
      return false;
    });
    if (replayed) throw await refuse(refusal('This client assertion was already used: make a new jti for every token request.'), 'replayed');
    return { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, scope: scopes.join(' ') };
  }
}

/** The client the assertion names, read before its signature is checked, only to find whose keys check it. */
function claimedClient(assertion: string): string | undefined {
  try {
    const { iss, sub } = decodeJwt(assertion);
    return typeof iss === 'string' && iss === sub && /^[A-Za-z0-9_-]{8,64}$/.test(iss) ? iss : undefined;
  } catch {
    return undefined;
  }
}

/** The scopes asked for, all of them the partner's; undefined when one is not. No scope asked means all the partner's. */
function requestedScopes(scope: string | undefined, granted: readonly PartnerScope[]): PartnerScope[] | undefined {
  const asked = [...new Set((scope ?? '').split(' ').filter((s) => s !== ''))];
  if (asked.length === 0) return [...granted];
  const known = asked.filter((s): s is PartnerScope => (partnerScopes as readonly string[]).includes(s));
  return known.length === asked.length && known.every((s) => granted.includes(s)) ? known : undefined;
}
