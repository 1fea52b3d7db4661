import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import type { AccessService, ConsentLookup } from '../access/service.js';
import type { PersonalField } from '../access/schema.js';
import * as consentStore from './consent-store.js';
import { badRedirectUri, consentRequestNotFound } from './errors.js';
import type { PartnerActor } from './gate.js';
import type { ConsentDataItem, ConsentRequestBody, ConsentStatus, CreatedConsentRequestView, PartnerConsentRequestView } from './schema.js';

/**
 * The personal fields each data item lets a partner read. A certificate shows the name, age, gender,
 * masked ID and doses; a vaccination status shows only what the doses add up to.
 */
export const fieldsOfDataItem: Record<ConsentDataItem, readonly PersonalField[]> = {
  vaccination_status: ['vaccination_status'],
  certificates: ['name', 'birth_year', 'gender', 'photo_id', 'vaccination_status'],
};

/** An unanswered request lapses after a week, or when the consent would have ended, if sooner. */
const APPROVAL_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a request stands now: lapsing, expiry and revocation are read off the clock, not stored. */
export function statusOf(request: consentStore.ConsentRequestRow, consent: consentStore.ConsentRow | undefined, now: Date): ConsentStatus {
  if (request.status === 'requested') return new Date(request.approve_by) <= now ? 'expired' : 'requested';
  if (request.status === 'declined') return 'declined';
  // A consent disappears only with the person it was about (erasure): nothing can be read any more.
  if (!consent || consent.revoked_at) return 'revoked';
  return new Date(consent.expires_at) <= now ? 'expired' : 'approved';
}

export function consentStatusOf(consent: consentStore.ConsentRow, now: Date): 'approved' | 'revoked' | 'expired' {
  if (consent.revoked_at) return 'revoked';
  return new Date(consent.expires_at) <= now ? 'expired' : 'approved';
}

/**
 * The access module's consent lookup (DESIGN.md §4): a partner may read these fields of this person
 * while one consent the citizen approved is live (not revoked, not expired), names data covering
 * every field, and the partner is not disabled.
 */
export function consentLookup(clock: Clock): ConsentLookup {
  return async (db, partner, beneficiaryId, fields) => {
    const live = await consentStore.selectLiveConsentsOfBeneficiary(db, partner.partnerId, beneficiaryId, clock.now());
    return live.some((consent) => {
      const covered = new Set(consent.data.flatMap((item) => fieldsOfDataItem[item as ConsentDataItem] ?? []));
      return fields.every((field) => covered.has(field));
    });
  };
}

/** https anywhere, or plain http to the partner developer's own machine. */
function validRedirectUri(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRedirectUri();
  }
  const local = url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if ((url.protocol !== 'https:' && !local) || url.username || url.password || url.hash) throw badRedirectUri();
  return url.toString();
}

/**
 * A partner's side of consent (decision 0017): it asks, naming only its purpose, the data and how
 * long; the citizen answers on Teeka's own page. The request names no one, so it looks nobody up.
 */
export class ConsentRequests {
  constructor(private readonly deps: { db: Db; clock: Clock; access: AccessService }) {}

  async ask(partner: PartnerActor, body: ConsentRequestBody, publicUrl: string): Promise<CreatedConsentRequestView> {
    const { db, clock, access } = this.deps;
    const redirectUri = body.redirect_uri === undefined ? null : validRedirectUri(body.redirect_uri);
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + body.expires_in_days * DAY_MS);
    const approveBy = new Date(Math.min(now.getTime() + APPROVAL_WINDOW_MS, expiresAt.getTime()));
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await consentStore.insertConsentRequest(trx, {
        id, partner_id: partner.partnerId, purpose: body.purpose.trim(), data: [...body.data], expires_at: expiresAt, approve_by: approveBy,
        redirect_uri: redirectUri, status: 'requested', account_id: null, created_at: now, decided_at: null,
      });
      await access.record({
        type: 'consent.requested', actor: partner, subject: `consent-request:${id}`, outcome: 'done', ip: partner.ip, detail: { data: body.data.join(' ') },
      }, trx);
    });
    return { id, status: 'requested', approval_url: `${publicUrl}/consent/${id}`, expires_at: expiresAt.toISOString(), approve_by: approveBy.toISOString() };
  }

  /** One of the partner's own requests, with the consent's id and subject handle once approved. */
  async view(partner: PartnerActor, id: string): Promise<PartnerConsentRequestView> {
    const { db, clock } = this.deps;
    const request = await consentStore.selectConsentRequest(db, id);
    if (!request || request.partner_id !== partner.partnerId) throw consentRequestNotFound();
    const consent = request.status === 'approved' ? await consentStore.selectConsentOfRequest(db, id) : undefined;
    return {
      id,
      status: statusOf(request, consent, clock.now()),
      ...(consent ? { consent_id: consent.id, subject: consent.subject_handle } : {}),
      data: request.data as ConsentDataItem[],
      expires_at: new Date(request.expires_at).toISOString(),
      approve_by: new Date(request.approve_by).toISOString(),
    };
  }
}
