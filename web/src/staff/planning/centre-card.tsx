import { Link } from 'react-router';
import { useStaffTranslation } from '../staff-i18n.js';
import type { CentreView } from './planning-api.js';
import { hoursText, vaccinesText } from './planning-words.js';

/** One centre in a district's list; its name leads to its page. */
export function CentreCard({ centre }: { centre: CentreView }) {
  const { t } = useStaffTranslation();
  const headingId = `centre-${centre.id}`;
  return (
    <article className="planning-card" aria-labelledby={headingId}>
      <h3 id={headingId}><Link to={`centres/${centre.id}`}>{centre.centre_name}</Link></h3>
      <dl className="facts facts--compact">
        <div><dt>{t('planning.centre.id')}</dt><dd className="number">{centre.id}</dd></div>
        <div><dt>{t('planning.centre.block')}</dt><dd>{centre.block_name}</dd></div>
        <div><dt>{t('planning.centre.pincode')}</dt><dd className="number">{centre.pincode}</dd></div>
        <div><dt>{t('planning.centre.hours')}</dt><dd className="number">{hoursText(centre)}</dd></div>
        <div><dt>{t('planning.centre.kind')}</dt><dd>{t(`planning.ownership.${centre.ownership}`)} · {t(`planning.feeType.${centre.fee_type}`)}</dd></div>
        <div className="facts-wide"><dt>{t('planning.centre.vaccines')}</dt><dd>{vaccinesText(t, centre)}</dd></div>
      </dl>
    </article>
  );
}
