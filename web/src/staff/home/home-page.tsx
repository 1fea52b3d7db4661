import { Link, useLocation } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { sectionsFor } from '../sections.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { roleName, scopeName } from '../staff-words.js';

/** What this role can do, and where: the sections of the menu, each with a sentence. */
export function HomePage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('home.title'));
  const profile = useStaffProfile();
  const sections = sectionsFor(profile.role);
  const passwordChanged = (useLocation().state as { passwordChanged?: boolean } | null)?.passwordChanged === true;
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('home.heading')}</PageHeading>
      </div>
      {passwordChanged && <p role="status" className="notice notice--done">{t('password.changed')}</p>}
      <dl className="facts panel">
        <div><dt>{t('home.role')}</dt><dd>{roleName(t, profile.role)}</dd></div>
        <div><dt>{t('home.scope')}</dt><dd>{scopeName(t, profile.scope)}</dd></div>
      </dl>
      <section className="staff-sections" aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t('home.sections')}</h2>
        <ul>
          {sections.map((section) => (
            <li key={section.path}>
              <Link to={`/staff/${section.path}`}>{t(`${section.texts}.nav`)}</Link>
              <p>{t(`${section.texts}.summary`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
