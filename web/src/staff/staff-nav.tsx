import { useState } from 'react';
import { NavLink } from 'react-router';
import { signOut } from './account-api.js';
import { sectionsFor } from './sections.js';
import { useStaffTranslation } from './staff-i18n.js';
import type { StaffProfile } from './staff-types.js';
import { roleName } from './staff-words.js';

/** The console's menu: what this role may open, who is signed in, and signing out. */
export function StaffNav({ profile, passwordPending }: { profile: StaffProfile; passwordPending: boolean }) {
  const { t } = useStaffTranslation();
  const [leaving, setLeaving] = useState(false);
  const sections = passwordPending ? [] : sectionsFor(profile.role);

  return (
    <div className="staff-bar">
      <nav aria-label={t('console.navLabel')}>
        <ul className="staff-menu">
          {!passwordPending && <li><NavLink to="/staff" end>{t('console.home')}</NavLink></li>}
          {sections.map((section) => (
            <li key={section.path}><NavLink to={`/staff/${section.path}`}>{t(`${section.texts}.nav`)}</NavLink></li>
          ))}
        </ul>
      </nav>
      <div className="staff-who">
        <p>
          {t('console.signedInAs', { username: profile.username })}
          <span className="muted"> · {roleName(t, profile.role)}</span>
        </p>
        <button
          type="button"
          disabled={leaving}
          onClick={() => {
            setLeaving(true);
            // The layout sends the page to sign-in, which says "You have signed out".
            void signOut();
          }}
        >
          {leaving ? t('console.signingOut') : t('console.signOut')}
        </button>
      </div>
    </div>
  );
}
