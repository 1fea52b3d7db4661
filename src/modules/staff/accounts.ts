import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import { isUniqueViolation, type Db } from '../../core/db.js';
import type { StaffAccountTable } from '../../core/db-tables.js';
import { invalidInput } from '../../core/errors.js';
import { staffRoles, type StaffRole, type StaffScope } from '../access/schema.js';
import type { FacilityService } from '../facilities/service.js';
import type { GeographyService } from '../geography/service.js';
import { usernameTaken } from './errors.js';
import { hashPassword, type PasswordCost } from './password.js';
import { formatScope, parseScope, scopeLevelOfRole } from './scope.js';
import * as store from './store.js';

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Usernames are compared lower-case and trimmed; undefined when it cannot be one. */
export function normaliseUsername(raw: string): string | undefined {
  const username = raw.trim().toLowerCase();
  return usernamePattern.test(username) ? username : undefined;
}

export const totpSecretContext = (staffId: string) => `staff_account.totp_secret:${staffId}`;

export function scopeOfRow(row: Pick<StaffAccountTable, 'scope_level' | 'scope_state_id' | 'scope_district_id' | 'scope_facility_id'>): StaffScope {
  // The table's CHECK guarantees the id of the row's own level is present.
  switch (row.scope_level) {
    case 'nation': return { level: 'nation' };
    case 'state': return { level: 'state', stateId: row.scope_state_id! };
    case 'district': return { level: 'district', districtId: row.scope_district_id! };
    case 'facility': return { level: 'facility', facilityId: row.scope_facility_id! };
  }
}

function scopeColumns(scope: StaffScope) {
  return {
    scope_level: scope.level,
    scope_state_id: scope.level === 'state' ? scope.stateId : null,
    scope_district_id: scope.level === 'district' ? scope.districtId : null,
    scope_facility_id: scope.level === 'facility' ? scope.facilityId : null,
  };
}

const scopeExamples: Record<StaffScope['level'], string> = {
  nation: 'nation', state: 'state:21', district: 'district:395', facility: 'facility:560001',
};

export interface AccountRequest {
  username: string;
  role: string;
  /** The CLI's text (`district:395`) or a scope built in code; either way it must exist and suit the role. */
  scope: string | StaffScope;
}

/** Checks a requested account against the rules and the places that exist; throws a 400 naming the field. */
export async function validateAccountRequest(
  deps: { geography: GeographyService; facilities: FacilityService },
  request: AccountRequest,
): Promise<{ username: string; role: StaffRole; scope: StaffScope }> {
  const username = normaliseUsername(request.username);
  if (!username) throw invalidInput('username', 'A username has 3 to 64 lower-case letters, digits, ".", "_" or "-", and starts with a letter or digit.');
  const role = staffRoles.find((r) => r === request.role.trim());
  if (!role) throw invalidInput('role', `The role must be one of ${staffRoles.join(', ')}.`);
  const scope = typeof request.scope === 'string' ? parseScope(request.scope) : request.scope;
  if (!scope) throw invalidInput('scope', 'The scope must be nation, state:<id>, district:<id> or facility:<centre id>.');
  const level = scopeLevelOfRole[role];
  if (scope.level !== level) throw invalidInput('scope', `A ${role} works at ${level} level: give a scope like ${scopeExamples[level]}.`);
  const exists = scope.level === 'nation'
    || (scope.level === 'state' && deps.geography.listStates().some((s) => s.id === scope.stateId))
    || (scope.level === 'district' && deps.geography.placeOf(scope.districtId) !== undefined)
    || (scope.level === 'facility' && (await deps.facilities.findById(scope.facilityId)) !== undefined);
  if (!exists) throw invalidInput('scope', `There is no ${formatScope(scope).replace(':', ' ')}.`);
  return { username, role, scope };
}

export interface NewAccount {
  username: string;
  role: StaffRole;
  scope: StaffScope;
  password: string;
  /** True for a one-time password: nothing works until its owner sets their own. */
  passwordMustChange: boolean;
  /** Demo accounts arrive already enrolled; real ones enrol at first sign-in. */
  totpSecret?: string | undefined;
  now: Date;
}

export async function insertAccount(deps: { db: Db; cipher: FieldCipher; passwordCost?: PasswordCost | undefined }, account: NewAccount): Promise<string> {
  const id = randomUUID();
  try {
    await store.insertAccount(deps.db, {
      id,
      username: account.username,
      password_hash: await hashPassword(account.password, deps.passwordCost),
      role: account.role,
      ...scopeColumns(account.scope),
      totp_secret_enc: account.totpSecret ? deps.cipher.encrypt(account.totpSecret, totpSecretContext(id)) : null,
      totp_enrolled_at: account.totpSecret ? account.now : null,
      totp_last_step: null,
      locked_until: null,
      password_must_change: account.passwordMustChange,
      created_at: account.now,
      disabled_at: null,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw usernameTaken();
    throw error;
  }
  return id;
}
