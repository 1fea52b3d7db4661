import { NavLink } from 'react-router';
import { useStaffTranslation } from '../staff-i18n.js';

/** The planning section's own pages, under the console's menu. */
export function PlanningNav() {
  const { t } = useStaffTranslation();
  return (
    <nav aria-label={t('planning.navLabel')}>
      <ul className="planning-nav">
        <li><NavLink to="/staff/planning" end>{t('planning.navCentres')}</NavLink></li>
        <li><NavLink to="/staff/planning/vaccines">{t('planning.navVaccines')}</NavLink></li>
        <li><NavLink to="/staff/planning/upload">{t('planning.navUpload')}</NavLink></li>
      </ul>
    </nav>
  );
}
