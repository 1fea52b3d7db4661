import type { Clock } from './core/clock.js';
import { FieldCipher } from './core/crypto/field-cipher.js';
import { auditSigningKeysOf, type Keyring } from './core/crypto/keyring.js';
import type { Db } from './core/db.js';
import type { SmsGateway } from './core/sms/gateway.js';
import { AccessHistory } from './modules/access/history.js';
import { AccessNotifier } from './modules/access/notices.js';
import { AccessService } from './modules/access/service.js';
import { readDetectionSettings, type DetectionSettings } from './config.js';
import { personPlaceLookup } from './modules/security/person-place.js';
import { SecurityService } from './modules/security/service.js';
import { AuditLog } from './modules/access/audit-log.js';
import { MIN_AUDIT_RETENTION_DAYS } from './modules/access/retention.js';
import { BreachResponseService } from './modules/reports/breach-response.js';
import { AvailabilityService } from './modules/appointments/availability.js';
import { BookingService, isBookedAt } from './modules/appointments/booking.js';
import { BeneficiaryService, ownerOfSubject } from './modules/beneficiaries/service.js';
import { CorrectionService } from './modules/beneficiaries/corrections.js';
import type { PasswordCost } from './modules/staff/password.js';
import { CorrectionReviewService } from './modules/beneficiaries/correction-review.js';
import { CORRECTION_REVIEWS_PER_DAY, centreOfLatestVisit, reviewLookup } from './modules/beneficiaries/correction-review-jurisdiction.js';
import { DemoDataService } from './modules/demo/service.js';
import { FacilityService } from './modules/facilities/service.js';
import { GeographyService } from './modules/geography/service.js';
import { IdentityService } from './modules/identity/service.js';
import { VaccineCatalogue } from './modules/planning/catalogue.js';
import { PlanningService } from './modules/planning/service.js';
import { StaffService } from './modules/staff/service.js';
import { CertificateService } from './modules/certificates/service.js';
import { CertificateSigner } from './modules/certificates/signer.js';
import { CertificateVerifier } from './modules/certificates/verification.js';
import { CentreDayService } from './modules/vaccination/centre-day.js';
import { EncounterService } from './modules/vaccination/encounter.js';
import { DoseRecordingService } from './modules/vaccination/record-dose.js';
import { StockService } from './modules/vaccination/stock.js';
import { VaccinationService } from './modules/vaccination/service.js';
import { WalkInBookingService } from './modules/appointments/walk-in-booking.js';
import { WalkInService } from './modules/vaccination/walk-in.js';
import { CentreOtpRequests } from './modules/vaccination/walk-in-otp.js';
import { AefiService } from './modules/vaccination/aefi.js';
import { AefiIdentificationService } from './modules/vaccination/aefi-identification.js';
import { consentLookup, createPartnerServices, partnerBudgetLookup, type PartnerServices } from './modules/partners/service.js';

/** Every module's service, wired once; routes and the CLI reach modules only through these. */
export interface Services {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  sms: SmsGateway;
  geography: GeographyService;
  facilities: FacilityService;
  availability: AvailabilityService;
  demo: DemoDataService;
  access: AccessService;
  /** Signed checkpoints, verification, export and expiry of the audit log (decision 0013). */
  auditLog: AuditLog;
  /** `teeka breach report`: what one actor touched, the DPDP notices and the CERT-In report (decision 0014). */
  breaches: BreachResponseService;
  /** "Who accessed my data": the audit log told to citizens (decision 0016). */
  accessHistory: AccessHistory;
  /** Transparency SMS (TEEKA_ACCESS_SMS, decision 0016); absent when off. */
  accessNotices?: AccessNotifier | undefined;
  identity: IdentityService;
  beneficiaries: BeneficiaryService;
  vaccination: VaccinationService;
  booking: BookingService;
  corrections: CorrectionService;
  correctionReview: CorrectionReviewService;
  staff: StaffService;
  certificates: CertificateService;
  certificateSigner: CertificateSigner;
  certificateVerifier: CertificateVerifier;
  stock: StockService;
  centreDay: CentreDayService;
  encounters: EncounterService;
  doses: DoseRecordingService;
  walkInBooking: WalkInBookingService;
  centreOtps: CentreOtpRequests;
  walkIns: WalkInService;
  aefi: AefiService;
  aefiIdentification: AefiIdentificationService;
  /** The vaccine catalogue; `load()` before use (openRuntime and the test app do). */
  vaccines: VaccineCatalogue;
  planning: PlanningService;
  /** Partners: registration, OAuth tokens, consents, consented reads and aggregates (decision 0017). */
  partners: PartnerServices;
  /** Detection rules, alerts, suspensions and canary records (decision 0015). */
  security: SecurityService;
}

export interface ServiceSettings {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  sms: SmsGateway;
  maxBeneficiariesPerAccount: number;
  /** Budgets, detection rules and suspension (decision 0015); the defaults when absent. */
  detection?: DetectionSettings | undefined;
  /** TEEKA_AUDIT_RETENTION_DAYS; at least (and by default) 180. */
  auditRetentionDays?: number | undefined;
  /** Turns transparency SMS on (TEEKA_ACCESS_SMS); the texts link to `publicUrl`/my-data. */
  transparencySms?: { publicUrl: string } | undefined;
  /**
   * scrypt's cost for staff passwords. No setting reaches it: the server always uses OWASP's; the
   * tests lower it, as they sign in hundreds of times and each full-cost hash is a CPU-second's fifth.
   */
  staffPasswordCost?: PasswordCost | undefined;
}

export function createServices({
  db, clock, keyring, sms, maxBeneficiariesPerAccount, auditRetentionDays, transparencySms, staffPasswordCost, detection = readDetectionSettings({}),
}: ServiceSettings): Services {
  const cipher = new FieldCipher(keyring);
  const geography = new GeographyService(db);
  const facilities = new FacilityService(db);
  const auditLog = new AuditLog({ db, clock, signingKeys: auditSigningKeysOf(keyring), retentionDays: auditRetentionDays ?? MIN_AUDIT_RETENTION_DAYS });
  const access = new AccessService(
    db, clock, { ownerOf: ownerOfSubject, isOnRoster: isBookedAt, isReviewing: reviewLookup(geography), consentCovers: consentLookup(clock), partnerBudget: partnerBudgetLookup },
    { 'correction-review': CORRECTION_REVIEWS_PER_DAY },
    auditLog,
    detection.budgets,
  );
  const vaccines = new VaccineCatalogue({ db, clock, access });
  const availability = new AvailabilityService(db, facilities, vaccines);
  const demo = new DemoDataService({ db, clock, geography, facilities, availability });
  const beneficiaries = new BeneficiaryService({ db, clock, cipher, access, maxMembersPerAccount: maxBeneficiariesPerAccount });
  const identity = new IdentityService({ db, clock, cipher, sms, access });
  const vaccination = new VaccinationService(db);
  const booking = new BookingService({ db, clock, cipher, access, beneficiaries, vaccination, facilities, identity, sms, vaccines });
  const certificates = new CertificateService({ db, clock });
  const corrections = new CorrectionService({
    db, clock, cipher, access, beneficiaries, jurisdictionOf: (member) => centreOfLatestVisit({ booking, availability, certificates, facilities }, member),
  });
  const staff = new StaffService({ db, clock, cipher, access, geography, facilities, passwordCost: staffPasswordCost });
  const certificateSigner = new CertificateSigner(keyring.signingKeys);
  const certificateVerifier = new CertificateVerifier({ db, clock, signer: certificateSigner });
  const stock = new StockService({ db, clock, access, facilities, geography, vaccines });
  const centreDay = new CentreDayService({ clock, access, booking, beneficiaries });
  const encounters = new EncounterService({ db, clock, cipher, sms, access, booking, identity });
  const doses = new DoseRecordingService({ db, clock, access, booking, beneficiaries, vaccination, certificates, vaccines });
  const planning = new PlanningService({ db, clock, access, geography, catalogue: vaccines });
  const correctionReview = new CorrectionReviewService({ db, clock, cipher, sms, access, identity, beneficiaries, certificates, geography, facilities });
  const walkInBooking = new WalkInBookingService({ db, clock, cipher, access });
  const centreOtps = new CentreOtpRequests({ db, clock, cipher, identity });
  const walkIns = new WalkInService({ db, clock, sms, access, identity, beneficiaries, facilities, walkInBooking, otps: centreOtps });
  const aefi = new AefiService({ db, clock, cipher, access, booking, beneficiaries, certificates, facilities, geography });
  const aefiIdentification = new AefiIdentificationService({ db, access, identity, beneficiaries, certificates, facilities, otps: centreOtps });
  const security = new SecurityService({
    db, clock, cipher, access, staff, settings: detection, placeOfPerson: personPlaceLookup({ beneficiaries, booking, availability, certificates, facilities, geography }),
  });
  access.watch(security);
  const partners = createPartnerServices({
    db, clock, cipher, access, identity, beneficiaries, vaccination, certificates, facilities, geography, certificateSigner, vaccines,
    isSuspended: (kind, id) => security.isSuspended(kind, id),
  });
  security.namePartnersWith(async (id) => (await partners.registry.nameOf(id))?.name);
  const accessHistory = new AccessHistory({ db, geography, facilities, partnerNameOf: (id) => partners.registry.nameOf(id) });
  const breaches = new BreachResponseService({ db, clock, sms, access, auditLog, identity, beneficiaries, staff });
  const accessNotices = transparencySms && startAccessNotices({ db, clock, access, identity, sms, accessHistory }, transparencySms.publicUrl);
  return {
    db, clock, cipher, sms, geography, facilities, availability, demo, access, identity, beneficiaries, vaccination, booking,
    corrections, correctionReview, staff, certificates, certificateSigner, certificateVerifier, stock, centreDay, encounters, doses,
    walkInBooking, centreOtps, walkIns, aefi, aefiIdentification, vaccines, planning, accessHistory, accessNotices, partners,
    auditLog, breaches, security,
  };
}

/** Transparency SMS on these services (decision 0016): what TEEKA_ACCESS_SMS turns on; tests start it themselves. */
export function startAccessNotices(
  services: Pick<Services, 'db' | 'clock' | 'access' | 'identity' | 'sms' | 'accessHistory'>,
  publicUrl: string,
): AccessNotifier {
  const notifier = new AccessNotifier({
    db: services.db, clock: services.clock, access: services.access, identity: services.identity, sms: services.sms,
    history: services.accessHistory, isBookedAt, publicUrl,
  });
  notifier.listen();
  return notifier;
}
