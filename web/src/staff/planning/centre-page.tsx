import { Link, useParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { formatDay } from '../staff-words.js';
import { CentreSessions } from './centre-sessions.js';
import { LoadState } from './load-state.js';
import { useNote, type CentreNote } from './page-notes.js';
import { fetchCentre, type CentreView } from './planning-api.js';
import { PlanningNav } from './planning-nav.js';
import { idOf, hoursText, vaccinesText } from './planning-words.js';
import { NotThere, useLoad } from './use-load.js';

/** One centre: its details, what to edit, where its stock is, and its sessions from today on. */
export function CentrePage() {
  const { t } = useStaffTranslation();
  const centreId = idOf(useParams().centreId);
  const { state, reload } = useLoad(String(centreId ?? 'none'), async (signal) => {
    if (centreId === undefined) throw new NotThere();
    return fetchCentre(centreId, signal);
  });
  const centre = state.kind === 'loaded' ? state.value : undefined;
  usePageTitle(`${centre?.centre_name ?? t('planning.centre.title')} · ${t('planning.nav')} · Teeka`);
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{centre?.centre_name ?? t('planning.centre.title')}</PageHeading>
      </div>
      <PlanningNav />
      <LoadState state={state} reload={reload} loading={t('planning.centre.loading')} notFound={t('planning.centre.notFound')} />
      {centre && <CentreDetails centre={centre} />}
      {centre && <CentreSessions centre={centre} />}
    </div>
  );
}

function CentreDetails({ centre }: { centre: CentreView }) {
  const { t, language } = useStaffTranslation();
  const { scope } = useStaffProfile();
  const note = useNote<CentreNote>(['centre-saved', 'session-saved']);
  const ownCentre = scope.level === 'facility';
  return (
    <>
      {!ownCentre && (
        <p className="back-link">
          <Link to={`/staff/planning?state=${centre.state_id}&district=${centre.district_id}`}>
            {t('planning.centre.back', { district: centre.district_name })}
          </Link>
        </p>
      )}
      <div role="status" className="status-region">
        {note?.kind === 'centre-saved' && (
          <div className="notice notice--done">
            <p>{note.created ? t('planning.centre.created', { id: centre.id }) : t('planning.centre.updated')}</p>
          </div>
        )}
        {note?.kind === 'centre-saved' && note.capped.length > 0 && (
          <ul className="notice notice--warning planning-capped">
            {note.capped.map((fee) => <li key={fee.vaccine}>{t('planning.centre.capped', { vaccine: fee.vaccine, asked: fee.asked, cap: fee.cap })}</li>)}
          </ul>
        )}
        {note?.kind === 'session-saved' && (
          <p className="notice notice--done">
            {t(note.created ? 'planning.sessions.added' : 'planning.sessions.updated', { vaccine: note.vaccine, date: formatDay(note.date, language) })}
          </p>
        )}
      </div>
      <section className="panel planning-details" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('planning.centre.details')}</h2>
        <dl className="facts facts--compact">
          <div><dt>{t('planning.centre.id')}</dt><dd className="number">{centre.id}</dd></div>
          <div className="facts-wide"><dt>{t('planning.centre.address')}</dt><dd>{centre.address}</dd></div>
          <div><dt>{t('planning.centre.district')}</dt><dd>{centre.district_name}, {centre.state_name}</dd></div>
          <div><dt>{t('planning.centre.block')}</dt><dd>{centre.block_name}</dd></div>
          <div><dt>{t('planning.centre.pincode')}</dt><dd className="number">{centre.pincode}</dd></div>
          <div><dt>{t('planning.centre.location')}</dt><dd className="number">{centre.lat}, {centre.long}</dd></div>
          <div><dt>{t('planning.centre.hours')}</dt><dd className="number">{hoursText(centre)}</dd></div>
          <div><dt>{t('planning.centre.kind')}</dt><dd>{t(`planning.ownership.${centre.ownership}`)} · {t(`planning.feeType.${centre.fee_type}`)}</dd></div>
          <div className="facts-wide"><dt>{t('planning.centre.vaccines')}</dt><dd>{vaccinesText(t, centre)}</dd></div>
        </dl>
        <div className="page-actions">
          <Link className="button" to="edit">{t('planning.centre.edit')}</Link>
          <Link to={`/staff/stock?centre=${centre.id}`}>{t('planning.centre.stock')}</Link>
        </div>
      </section>
    </>
  );
}
