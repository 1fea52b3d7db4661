import { AppError } from '../../core/errors.js';
import type { Ticket } from '../access/schema.js';
import { certificatePdfForTicket, type CertificateDeps } from '../certificates/download.js';
import { vaccinationStatusOf, type VaccinationService } from '../vaccination/service.js';
import * as consentStore from './consent-store.js';
import { fieldsOfDataItem } from './consents.js';
import { noLiveConsent } from './errors.js';
import type { PartnerActor } from './gate.js';
import type { CertificateListView, ConsentDataItem, SubjectVaccinationStatus, VaccinationStatusView } from './schema.js';
import * as store from './store.js';

const statusNames = { 'Not Vaccinated': 'not_vaccinated', 'Partially Vaccinated': 'partially_vaccinated', Vaccinated: 'fully_vaccinated' } as const;

/**
 * What a partner reads about a person, by the opaque handle its consent gave it (decision 0017).
 * Each read needs a live consent naming the data, passes the access module (recorded, counted
 * against the partner's budget of distinct people, and seen by the citizen under "who read my
 * data"), and marks the consent as used.
 */
export class SubjectReads {
  constructor(private readonly deps: CertificateDeps & { vaccination: VaccinationService }) {}

  /** The person's vaccination status, signed by Teeka, with nothing that identifies them (Co-WIN KYC-VS). */
  async vaccinationStatus(partner: PartnerActor, handle: string, publicUrl: string): Promise<VaccinationStatusView> {
    const ticket = await this.open(partner, handle, 'vaccination_status', fieldsOfDataItem.vaccination_status);
    const doses = (await this.deps.vaccination.dosesOf([ticket.subject.id])).get(ticket.subject.id) ?? [];
    const status: SubjectVaccinationStatus = statusNames[vaccinationStatusOf(doses)];
    const now = this.deps.clock.now();
    const clientId = (await store.selectPartner(this.deps.db, partner.partnerId))?.client_id ?? '';
    const signed = await this.deps.certificateSigner.signJws({
      iss: publicUrl, sub: handle, aud: clientId, iat: Math.floor(now.getTime() / 1000), status, as_of: now.toISOString(),
    });
    return { status, as_of: now.toISOString(), signed };
  }

  async certificates(partner: PartnerActor, handle: string, publicUrl: string): Promise<CertificateListView> {
    const ticket = await this.open(partner, handle, 'certificates', ['vaccination_status']);
    const live = (await this.deps.certificates.certificatesOf(ticket.subject.id)).filter((c) => !c.revokedAt);
    return {
      certificates: [...live].reverse().map((c) => ({
        certificate_id: c.id, dose: c.dose, vaccine: c.vaccine, date: c.administeredOn, kind: c.kind,
        download_url: `${publicUrl}/api/partner/v1/subjects/${handle}/certificates/${c.id}`,
      })),
    };
  }

  async certificatePdf(partner: PartnerActor, handle: string, certificateId: string): Promise<Uint8Array> {
    const ticket = await this.open(partner, handle, 'certificates', fieldsOfDataItem.certificates);
    return certificatePdfForTicket(this.deps, ticket, certificateId);
  }

  /**
   * A ticket for the person behind `handle`, if one of this partner's live consents names `item`.
   * One transaction: the access decision, which also spends the partner's budget of distinct people
   * (its registered subjects_per_day; a refusal is committed, then answered), and the consent's last use.
   */
  private async open(partner: PartnerActor, handle: string, item: ConsentDataItem, fields: Ticket['fields']): Promise<Ticket> {
    const { db, clock, access } = this.deps;
    const now = clock.now();
    const outcome = await db.transaction().execute(async (trx): Promise<{ ticket: Ticket } | { error: AppError }> => {
      const consent = (await consentStore.selectLiveConsentsByHandle(trx, partner.partnerId, handle, now)).find((c) => c.data.includes(item));
      if (!consent) {
        // A handle with no live consent is a probe or a lapsed consent: a refusal the detection
        // rules count, as they count a staff member's (decision 0015), so a stolen key that guesses
        // handles is suspended after a few tries.
        await access.record({
          type: 'access.denied', actor: partner, purpose: 'partner-consent', fields, outcome: 'denied', ip: partner.ip,
          detail: { reason: 'no-live-consent', data: item },
        }, trx);
        return { error: noLiveConsent() };
      }
      let ticket: Ticket;
      try {
        ticket = await access.authorize(partner, { subject: { kind: 'beneficiary', id: consent.beneficiary_id }, purpose: 'partner-consent', fields }, trx);
      } catch (error) {
        if (error instanceof AppError) return { error };
        throw error;
      }
      await consentStore.touchConsent(trx, consent.id, now);
      return { ticket };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.ticket;
  }
}
