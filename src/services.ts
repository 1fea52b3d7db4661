import type { Clock } from './core/clock.js';
import { FieldCipher } from './core/crypto/field-cipher.js';
import type { Keyring } from './core/crypto/keyring.js';
import type { Db } from './core/db.js';
import type { SmsGateway } from './core/sms/gateway.js';
import { AccessService } from './modules/access/service.js';
import { AvailabilityService } from './modules/appointments/availability.js';
import { BookingService } from './modules/appointments/booking.js';
import { BeneficiaryService, ownerOfSubject } from './modules/beneficiaries/service.js';
import { CorrectionService } from './modules/beneficiaries/corrections.js';
import { DemoDataService } from './modules/demo/service.js';
import { FacilityService } from './modules/facilities/service.js';
import { GeographyService } from './modules/geography/service.js';
import { IdentityService } from './modules/identity/service.js';
import { VaccinationService } from './modules/vaccination/service.js';

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
  identity: IdentityService;
  beneficiaries: BeneficiaryService;
  vaccination: VaccinationService;
  booking: BookingService;
  corrections: CorrectionService;
}

export interface ServiceSettings {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  sms: SmsGateway;
  maxBeneficiariesPerAccount: number;
}

export function createServices({ db, clock, keyring, sms, maxBeneficiariesPerAccount }: ServiceSettings): Services {
  const cipher = new FieldCipher(keyring);
  const geography = new GeographyService(db);
  const facilities = new FacilityService(db);
  const availability = new AvailabilityService(db, facilities);
  const demo = new DemoDataService({ db, clock, geography, facilities, availability });
  const access = new AccessService(db, clock, ownerOfSubject);
  const beneficiaries = new BeneficiaryService({ db, clock, cipher, access, maxMembersPerAccount: maxBeneficiariesPerAccount });
  const identity = new IdentityService({ db, clock, cipher, sms, access });
  const vaccination = new VaccinationService(db);
  const booking = new BookingService({ db, clock, cipher, access, beneficiaries, vaccination, facilities, identity, sms });
  const corrections = new CorrectionService({ db, clock, cipher, access, beneficiaries });
  return { db, clock, cipher, sms, geography, facilities, availability, demo, access, identity, beneficiaries, vaccination, booking, corrections };
}
