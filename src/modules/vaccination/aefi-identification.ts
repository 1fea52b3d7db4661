import type { Db } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { BeneficiaryService } from '../beneficiaries/service.js';
import type { CertificateService } from '../certificates/service.js';
import type { FacilityService } from '../facilities/service.js';
import type { IdentityService } from '../identity/service.js';
import type { Vaccinator } from './encounter.js';
import { centreOf, type CentreOtpRequests } from './walk-in-otp.js';

/**
 * A person back at a centre, days after their dose, to report an adverse event (decision 0010). They
 * show their certificate; its UVCI sends a code to their own account's mobile, and reading it out
 * opens their record at this centre until midnight, as at their visit. The UVCI alone shows staff
 * nothing: the answer is the same 202 whoever the certificate belongs to (an unknown UVCI is a 404,
 * which says only that no certificate has that random identifier).
 */
export class AefiIdentificationService {
  constructor(
    private readonly deps: {
      db: Db; access: AccessService; identity: IdentityService; beneficiaries: BeneficiaryService; certificates: CertificateService;
      facilities: FacilityService; otps: CentreOtpRequests;
    },
  ) {}

  async sendCode(staff: Vaccinator, uvci: string): Promise<{ token: string }> {
    const { access, identity, beneficiaries, certificates, facilities, otps } = this.deps;
    const centre = await facilities.findById(centreOf(staff));
    const dose = await certificates.doseOf(uvci.trim().toUpperCase());
    const member = dose && (await beneficiaries.memberById(dose.beneficiaryId));
    if (!member) throw notFound('certificate');
    const ticket = await access.authorize({ kind: 'system', name: 'vaccination' }, { subject: { kind: 'account', id: member.accountId }, purpose: 'notification', fields: ['mobile'] });
    const mobile = await identity.readMobile(ticket);
    const token = await otps.send(staff, 'aefi', mobile.reveal(), (otp) =>
      `Teeka: ${otp} is your code to report a reaction to your vaccination at ${centre?.name ?? 'the centre'}. ` +
      'Tell it only to the health worker in front of you. Valid 3 minutes.', member.id);
    return { token };
  }

  async confirm(staff: Vaccinator, token: string, otp: string): Promise<void> {
    const { db, access, otps } = this.deps;
    const failure = await db.transaction().execute(async (trx) => {
      const request = await otps.open(trx, staff, 'aefi', token);
      const redeemed = await otps.redeem(trx, staff, 'aefi', request, otp);
      if (!redeemed.ok) return redeemed.error;
      await access.openEncounter(staff, { facilityId: request.facilityId, beneficiaryId: request.beneficiaryId!, appointmentId: null, method: 'otp' }, trx);
      return undefined;
    });
    // The wrong try is committed first, or the limit would count nothing.
    if (failure) throw failure;
  }
}
