import type { TFunction } from 'i18next';
import { staffEn } from '../staff-en.js';
import type { StaffRole } from '../staff-types.js';
import type { Alert } from './security-api.js';

const isRole = (role: string | undefined): role is StaffRole => role !== undefined && Object.hasOwn(staffEn.roles, role);

/**
 * How the console names whoever an alert or suspension is about: a staff member by username and
 * role, a partner by its registered name, a citizen (and anyone the server could not name) by id.
 */
export function actorName(t: TFunction<'staff'>, actor: Alert['actor']): string {
  if (actor.kind === 'partner' && actor.name !== undefined) return t('security.actors.partnerNamed', { name: actor.name });
  if (actor.kind !== 'staff') return t(`security.actors.${actor.kind}`, { id: actor.id });
  if (actor.username === undefined || !isRole(actor.role)) return t('security.actors.staffUnknown', { id: actor.id });
  return t('security.actors.staff', { username: actor.username, role: t(`roles.${actor.role}`) });
}
