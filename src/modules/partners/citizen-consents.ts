import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import { notFound, type AppError } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import type { BeneficiaryService, Member } from '../beneficiaries/service.js';
import type { IdentityService } from '../identity/service.js';
import * as consentStore from './consent-store.js';
import { consentStatusOf, statusOf } from './consents.js';
import { consentCodeExpired, consentCodeLocked, consentCodeWrong, consentRequestClosed, consentRequestNotFound } from './errors.js';
import type { ApproveConsentBody, CitizenConsentRequestView, ConsentDataItem, ConsentView } from './schema.js';

type Citizen = Actor & { kind: 'citizen' };

const dataWords: Record<ConsentDataItem, string> = { vaccination_status: 'vaccination status', certificates: 'certificates' };

/**
 * The citizen's side of consent (decision 0017): they open the partner's request signed in, choose
 * one of their own family, and approve with an OTP to their own mobile; "My consents" lists what they
 * gave, and revoking ends a partner's access on its next call.
 */
export class CitizenConsents {
  constructor(private readonly deps: {
    db: Db; clock: Clock; cipher: FieldCipher; access: AccessService; identity: IdentityService; beneficiaries: BeneficiaryService;
  }) {}

  /** The request as the citizen sees it: open to any signed-in citizen until answered, then to the one who answered. */
  async view(citizen: Citizen, id: string): Promise<CitizenConsentRequestView> {
    const { db, clock, beneficiaries } = this.deps;
    const request = await this.requestFor(db, citizen, id);
    const consent = request.status === 'approved' ? await consentStore.selectConsentOfRequest(db, id) : undefined;
    const [partner] = await consentStore.selectPartnerNames(db, [request.partner_id]);
    const members = await beneficiaries.listMembers(citizen.accountId);
    return {
      id,
      partner: { name: partner!.name, purpose: partner!.purpose },
      purpose: request.purpose,
      data: request.data as ConsentDataItem[],
      expires_at: new Date(request.expires_at).toISOString(),
      approve_by: new Date(request.approve_by).toISOString(),
      status: statusOf(request, consent, clock.now()),
      redirect_uri: request.redirect_uri,
      members: await Promise.all(members.map(async (m) => ({ beneficiary_reference_id: m.referenceId, name: await this.nameOf(citizen, m) }))),
    };
  }

  /** Texts a code to the account's own mobile for approving this request; answers the code's transaction id. */
  async sendApprovalOtp(citizen: Citizen, id: string): Promise<{ txnId: string }> {
    const { db, clock, access, identity } = this.deps;
    const request = await this.requestFor(db, citizen, id);
    if (statusOf(request, undefined, clock.now()) !== 'requested') throw consentRequestClosed();
    const [partner] = await consentStore.selectPartnerNames(db, [request.partner_id]);
    const ticket = await access.authorize(citizen, { subject: { kind: 'account', id: citizen.accountId }, purpose: 'self-service', fields: ['mobile'] });
    const items = request.data.map((d) => dataWords[d as ConsentDataItem]).join(' and ');
    const txnId = await identity.sendAccountOtp(ticket, 'consent',
      (otp) => `${otp} is your Teeka OTP to share your ${items} with ${partner!.name}. Valid 3 minutes. Never tell it to anyone, not even ${partner!.name}. - Teeka`,
      (trx, txn) => consentStore.insertConsentOtp(trx, { otp_transaction_id: txn, consent_request_id: id, account_id: citizen.accountId }));
    return { txnId };
  }

  /**
   * Approves the request for one of the citizen's own family with the code from the SMS, in one
   * transaction. A wrong code is committed (three lock it) before the refusal is answered.
   */
  async approve(citizen: Citizen, id: string, body: ApproveConsentBody): Promise<ConsentView> {
    const { db, clock, cipher, access, identity, beneficiaries } = this.deps;
    const now = clock.now();
    const outcome = await db.transaction().execute(async (trx): Promise<{ error: AppError } | { consentId: string }> => {
      const request = await this.requestFor(trx, citizen, id, true);
      if (statusOf(request, undefined, now) !== 'requested') throw consentRequestClosed();
      // Checked before the code, so a mistyped reference id costs no try.
      const member = await beneficiaries.findOwnMember(citizen, body.beneficiary_reference_id, trx);
      const bound = await consentStore.selectConsentOtp(trx, body.txnId);
      if (!bound || bound.consent_request_id !== id || bound.account_id !== citizen.accountId) return { error: consentCodeExpired() };
      const redeemed = await identity.redeemAccountOtp(trx, body.txnId, 'consent', body.otp, citizen);
      if (!redeemed.ok) {
        if (redeemed.refusal === 'wrong') return { error: consentCodeWrong(redeemed.triesLeft) };
        return { error: redeemed.refusal === 'locked' ? consentCodeLocked() : consentCodeExpired() };
      }
      // The mobile moved to another account since the code was sent: that account did not approve.
      if (redeemed.accountId !== citizen.accountId) return { error: consentCodeExpired() };
      const consentId = randomUUID();
      await consentStore.insertConsent(trx, {
        id: consentId, request_id: id, partner_id: request.partner_id, account_id: citizen.accountId, beneficiary_id: member.id,
        subject_handle: cipher.blindIndex('partner-subject', `${request.partner_id}:${member.id}`),
        purpose: request.purpose, data: request.data, granted_at: now, expires_at: request.expires_at, revoked_at: null, last_used_at: null,
      });
      await consentStore.decideConsentRequest(trx, id, 'approved', citizen.accountId, now);
      await access.record({
        type: 'consent.approved', actor: citizen, subject: member.id, outcome: 'done', ip: citizen.ip,
        detail: { partner_id: request.partner_id, consent_id: consentId, data: request.data.join(' ') },
      }, trx);
      return { consentId };
    });
    if ('error' in outcome) throw outcome.error;
    const view = (await this.list(citizen)).find((c) => c.id === outcome.consentId);
    return view!;
  }

  async decline(citizen: Citizen, id: string): Promise<void> {
    const { db, clock, access } = this.deps;
    await db.transaction().execute(async (trx) => {
      const request = await this.requestFor(trx, citizen, id, true);
      if (statusOf(request, undefined, clock.now()) !== 'requested') throw consentRequestClosed();
      await consentStore.decideConsentRequest(trx, id, 'declined', citizen.accountId, clock.now());
      await access.record({
        type: 'consent.declined', actor: citizen, subject: `consent-request:${id}`, outcome: 'done', ip: citizen.ip, detail: { partner_id: request.partner_id },
      }, trx);
    });
  }

  /** "My consents": every consent this account gave, newest first, whatever became of it. */
  async list(citizen: Citizen): Promise<ConsentView[]> {
    const { db, clock, beneficiaries } = this.deps;
    const consents = await consentStore.selectConsentsOfAccount(db, citizen.accountId);
    const partners = new Map((await consentStore.selectPartnerNames(db, [...new Set(consents.map((c) => c.partner_id))])).map((p) => [p.id, p]));
    const members = new Map((await beneficiaries.listMembers(citizen.accountId)).map((m) => [m.id, m]));
    const names = new Map<string, string>();
    const views: ConsentView[] = [];
    for (const consent of consents) {
      const member = members.get(consent.beneficiary_id);
      const partner = partners.get(consent.partner_id);
      if (!member || !partner) continue;
      if (!names.has(member.id)) names.set(member.id, await this.nameOf(citizen, member));
      views.push({
        id: consent.id, partner_name: partner.name, partner_purpose: partner.purpose, purpose: consent.purpose, data: consent.data as ConsentDataItem[],
        beneficiary_reference_id: member.referenceId, member_name: names.get(member.id)!,
        granted_at: new Date(consent.granted_at).toISOString(), expires_at: new Date(consent.expires_at).toISOString(),
        revoked_at: consent.revoked_at ? new Date(consent.revoked_at).toISOString() : null,
        status: consentStatusOf(consent, clock.now()),
        last_used_at: consent.last_used_at ? new Date(consent.last_used_at).toISOString() : null,
      });
    }
    return views;
  }

  /** Ends a consent now: the partner's next read is refused. Revoking twice changes nothing. */
  async revoke(citizen: Citizen, consentId: string): Promise<void> {
    const { db, clock, access } = this.deps;
    await db.transaction().execute(async (trx) => {
      const consent = await consentStore.selectOwnConsentForUpdate(trx, consentId, citizen.accountId);
      if (!consent) throw notFound('consent');
      if (consent.revoked_at) return;
      await consentStore.revokeConsent(trx, consentId, clock.now());
      await access.record({
        type: 'consent.revoked', actor: citizen, subject: consent.beneficiary_id, outcome: 'done', ip: citizen.ip,
        detail: { partner_id: consent.partner_id, consent_id: consentId },
      }, trx);
    });
  }

  /** A request this citizen may see: unanswered, or answered by this account; anyone else's is "not found". */
  private async requestFor(db: Db, citizen: Citizen, id: string, lock = false): Promise<consentStore.ConsentRequestRow> {
    const request = lock ? await consentStore.selectConsentRequestForUpdate(db, id) : await consentStore.selectConsentRequest(db, id);
    if (!request || (request.account_id !== null && request.account_id !== citizen.accountId)) throw consentRequestNotFound();
    return request;
  }

  private async nameOf(citizen: Citizen, member: Member): Promise<string> {
    const ticket = await this.deps.access.authorize(citizen, { subject: { kind: 'beneficiary', id: member.id }, purpose: 'self-service', fields: ['name'] });
    return (await this.deps.beneficiaries.readPersonal(ticket)).name.reveal();
  }
}
