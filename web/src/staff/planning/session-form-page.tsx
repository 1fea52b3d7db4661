import { useParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { formatDay } from '../staff-words.js';
import { LoadState } from './load-state.js';
import { fetchCentre, fetchSessions, fetchVaccines, type CentreView, type SessionView, type VaccineView } from './planning-api.js';
import { PlanningNav } from './planning-nav.js';
import { idOf } from './planning-words.js';
import { SessionForm } from './session-form.js';
import { NotThere, useLoad } from './use-load.js';

interface Needed {
  centre: CentreView;
  catalogue: VaccineView[];
  /** The session being edited; undefined for a new one. */
  session: SessionView | undefined;
}

/**
 * /staff/planning/centres/:centreId/sessions/new and …/sessions/:sessionId. A session is found in
 * its centre's list (from today on): one that has passed, or was deleted, is not there to edit.
 */
export function SessionFormPage() {
  const { t, language } = useStaffTranslation();
  const params = useParams();
  const centreId = idOf(params.centreId);
  const sessionId = params.sessionId;
  const { state, reload } = useLoad(`${centreId ?? 'none'}/${sessionId ?? 'new'}`, async (signal): Promise<Needed> => {
    if (centreId === undefined) throw new NotThere();
    const [centre, catalogue, sessions] = await Promise.all([
      fetchCentre(centreId, signal), fetchVaccines(signal), sessionId ? fetchSessions(centreId, signal) : Promise.resolve([]),
    ]);
    const session = sessions.find((s) => s.id === sessionId);
    if (sessionId && !session) throw new NotThere();
    return { centre, catalogue, session };
  });
  const needed = state.kind === 'loaded' ? state.value : undefined;
  const heading = needed?.session
    ? t('planning.sessionForm.editHeading', { vaccine: needed.session.vaccine, date: formatDay(needed.session.date, language) })
    : t('planning.sessionForm.createHeading');
  usePageTitle(`${heading} · Teeka`);
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{heading}</PageHeading>
        {needed && <p>{t('planning.sessionForm.intro', { centre: needed.centre.centre_name })}</p>}
      </div>
      <PlanningNav />
      <LoadState state={state} reload={reload} loading={t('planning.sessionForm.loading')} notFound={t(sessionId ? 'planning.sessionForm.notFound' : 'planning.centre.notFound')} />
      {needed && <SessionForm key={`${needed.centre.id}/${sessionId ?? 'new'}`} centre={needed.centre} catalogue={needed.catalogue} session={needed.session} />}
    </div>
  );
}
