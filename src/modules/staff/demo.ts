import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import type { StaffRole, StaffScope } from '../access/schema.js';
import type { FacilityService } from '../facilities/service.js';
import { insertAccount } from './accounts.js';
import { mergeDemoCredentials } from './demo-credentials.js';
import { generatePassword } from './password.js';
import { formatScope } from './scope.js';
import * as store from './store.js';
import { generateTotpSecret } from './totp.js';

const MAHARASHTRA = 21;
const MUMBAI = 395;

export interface DemoStaffCredential {
  username: string;
  password: string;
  role: StaffRole;
  scope: string;
  totp_secret: string;
}

/** A demo account as the demo citizens' seed needs it: who recorded their doses and received the stock. */
export interface DemoStaffAccount {
  id: string;
  username: string;
  role: StaffRole;
  scope: StaffScope;
}

/**
 * One demo account per role, in development only, into an empty staff table: passwords from the
 * CSPRNG (never a well-known "demo123", which would outlive the demo on some server), TOTP already
 * enrolled so a developer can sign in with any authenticator app or `otpauth`. The credentials go
 * to `demo-credentials.json` in the data directory and nowhere else.
 */
export async function seedDemoStaff(
  deps: { db: Db; clock: Clock; cipher: FieldCipher; facilities: FacilityService },
  dataDir: string,
): Promise<{ file: string; staff: DemoStaffCredential[]; accounts: DemoStaffAccount[] } | undefined> {
  if ((await store.countAccounts(deps.db)) > 0) return undefined;
  const mumbaiCentres = await deps.facilities.listInDistrict(MUMBAI);
  const firstCentre = Math.min(...mumbaiCentres.map((f) => f.id));
  if (!Number.isFinite(firstCentre)) throw new Error('Demo staff need the demo centres: seed them first');
  const accounts: { role: StaffRole; scope: StaffScope }[] = [
    { role: 'national_admin', scope: { level: 'nation' } },
    { role: 'state_admin', scope: { level: 'state', stateId: MAHARASHTRA } },
    { role: 'district_admin', scope: { level: 'district', districtId: MUMBAI } },
    { role: 'facility_admin', scope: { level: 'facility', facilityId: firstCentre } },
    { role: 'vaccinator', scope: { level: 'facility', facilityId: firstCentre } },
    { role: 'auditor', scope: { level: 'nation' } },
  ];
  const staff: DemoStaffCredential[] = [];
  const created: DemoStaffAccount[] = [];
  const now = deps.clock.now();
  for (const { role, scope } of accounts) {
    const username = `demo.${role.replace('_', '-')}`;
    const password = generatePassword();
    const totpSecret = generateTotpSecret();
    const id = await insertAccount(deps, { username, role, scope, password, passwordMustChange: false, totpSecret, now });
    staff.push({ username, password, role, scope: formatScope(scope), totp_secret: totpSecret });
    created.push({ id, username, role, scope });
  }
  return { file: await mergeDemoCredentials(dataDir, 'staff', staff), staff, accounts: created };
}
