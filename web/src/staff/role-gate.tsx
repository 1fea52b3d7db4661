import type { ReactNode } from 'react';
import { PageHeading } from '../citizen/page-heading.js';
import { usePageTitle } from '../layout/page-title.js';
import { useStaffProfile } from './staff-profile.js';
import { useStaffTranslation } from './staff-i18n.js';
import type { StaffRole } from './staff-types.js';
import { roleName } from './staff-words.js';

/**
 * A section's page, for the roles it is meant for. Someone else following a link gets a plain
 * explanation instead of a page of refusals; the server would refuse them anyway.
 */
export function RoleGate({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { role } = useStaffProfile();
  if ((roles as readonly string[]).includes(role)) return children;
  return <NotForThisRole role={role} />;
}

function NotForThisRole({ role }: { role: string }) {
  const { t } = useStaffTranslation();
  usePageTitle(`${t('gate.heading')} · Teeka`);
  return (
    <div className="intro">
      <PageHeading>{t('gate.heading')}</PageHeading>
      <p>{t('gate.body', { role: roleName(t, role) })}</p>
    </div>
  );
}
