import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { PlanningNav } from './planning-nav.js';
import { UploadForm } from './upload-form.js';

/** CSV bulk uploads of centres (district administrators and above) and sessions (centre administrators too). */
export function UploadPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('planning.upload.title'));
  const { role } = useStaffProfile();
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('planning.upload.heading')}</PageHeading>
        <p>{t('planning.upload.intro')}</p>
      </div>
      <PlanningNav />
      {role !== 'facility_admin' && <UploadForm kind="centres" />}
      <UploadForm kind="sessions" />
    </div>
  );
}
