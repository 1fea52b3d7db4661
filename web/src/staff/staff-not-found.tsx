import { Link } from 'react-router';
import { PageHeading } from '../citizen/page-heading.js';
import { usePageTitle } from '../layout/page-title.js';
import { useStaffTranslation } from './staff-i18n.js';

export function StaffNotFound() {
  const { t } = useStaffTranslation();
  usePageTitle(`${t('notFound.heading')} · Teeka`);
  return (
    <div className="intro">
      <PageHeading>{t('notFound.heading')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p><Link to="/staff">{t('notFound.home')}</Link></p>
    </div>
  );
}
