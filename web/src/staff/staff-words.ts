import type { TFunction } from 'i18next';
import { staffEn } from './staff-en.js';
import type { StaffProfile } from './staff-types.js';

type StaffT = TFunction<'staff'>;

function isKnownRole(role: string): role is keyof typeof staffEn.roles {
  return Object.hasOwn(staffEn.roles, role);
}

/** A role as people say it; a role this app does not know yet shows as the server names it. */
export function roleName(t: StaffT, role: string): string {
  return isKnownRole(role) ? t(`roles.${role}`) : role;
}

/** Where the person may act, in the page's language; place names stay as the server writes them. */
export function scopeName(t: StaffT, scope: StaffProfile['scope']): string {
  if (scope.level === 'nation') return t('scope.nation');
  return t(`scope.${scope.level}`, { name: scope.name });
}

/** A YYYY-MM-DD day as "28 Nov 2026" (or "28 नव॰ 2026"); the day is a calendar date, so UTC keeps it whole. */
export function formatDay(isoDay: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) return isoDay;
  return new Intl.DateTimeFormat(`${language}-IN`, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' })
    .format(new Date(`${isoDay}T00:00:00Z`));
}
