import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../citizen/confirm-dialog.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { formatDay } from '../staff-words.js';
import { LoadState } from './load-state.js';
import { deleteSession, fetchSessions, type CentreView, type SessionView } from './planning-api.js';
import { SessionCard } from './session-card.js';
import { useLoad } from './use-load.js';

type DeleteOutcome =
  | { kind: 'deleted'; session: SessionView }
  | { kind: 'refused'; session: SessionView; code: string; message: string }
  | { kind: 'unavailable' };

const byDay = (sessions: readonly SessionView[]) => {
  const days = new Map<string, SessionView[]>();
  for (const session of sessions) days.set(session.date, [...(days.get(session.date) ?? []), session]);
  return [...days].sort(([a], [b]) => a.localeCompare(b));
};

/** A centre's sessions from today to 60 days ahead, to add, change or delete. */
export function CentreSessions({ centre }: { centre: CentreView }) {
  const { t, language } = useStaffTranslation();
  const { state, reload } = useLoad(String(centre.id), (signal) => fetchSessions(centre.id, signal));
  const [deleting, setDeleting] = useState<SessionView>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<DeleteOutcome>();

  async function confirmDelete(session: SessionView) {
    setBusy(true);
    try {
      await deleteSession(session.id);
      setOutcome({ kind: 'deleted', session });
      reload();
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return;
      setOutcome(failure.kind === 'rejected' ? { kind: 'refused', session, code: failure.code, message: failure.message } : { kind: 'unavailable' });
      // A session someone else deleted, or whose day has passed, is no longer what the list shows.
      if (failure.kind === 'rejected' && failure.code === 'NOT_FOUND') reload();
    } finally {
      setBusy(false);
      setDeleting(undefined);
    }
  }

  // After the dialog has closed (and handed focus back to the Delete button), so this comes last.
  useEffect(() => {
    if (outcome) document.getElementById('sessions-outcome')?.focus();
  }, [outcome]);

  const what = (session: SessionView) => ({ vaccine: session.vaccine, date: formatDay(session.date, language) });
  return (
    <section className="step planning-sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('planning.sessions.heading')}</h2>
      <p>{t('planning.sessions.intro')}</p>
      <p><Link className="button primary" to="sessions/new">{t('planning.sessions.add')}</Link></p>
      <div role="status" className="status-region">
        {outcome?.kind === 'deleted' && <p id="sessions-outcome" tabIndex={-1} className="notice notice--done">{t('planning.sessions.deleted', what(outcome.session))}</p>}
      </div>
      <div role="alert" className="alert-region">
        {outcome?.kind === 'refused' && (
          <p id="sessions-outcome" tabIndex={-1} className="notice notice--error"><DeleteRefusal outcome={outcome} /></p>
        )}
        {outcome?.kind === 'unavailable' && <p id="sessions-outcome" tabIndex={-1} className="notice notice--error">{t('common.unavailable')}</p>}
      </div>
      <LoadState state={state} reload={reload} loading={t('planning.sessions.loading')} notFound={t('planning.centre.notFound')} />
      {state.kind === 'loaded' && (state.value.length === 0 ? <p className="empty-state">{t('planning.sessions.empty')}</p> : (
        <ol className="planning-days">
          {byDay(state.value).map(([day, sessions]) => (
            <li key={day}>
              <h3>{formatDay(day, language)}</h3>
              <ul className="planning-cards">
                {sessions.map((session) => (
                  <li key={session.id}>
                    <SessionCard session={session} onDelete={() => { setOutcome(undefined); setDeleting(session); }} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ))}
      {deleting && (
        <ConfirmDialog
          title={t('planning.sessions.deleteTitle', what(deleting))}
          confirmLabel={t('planning.sessions.deleteConfirm')}
          busyLabel={t('planning.sessions.deleting')}
          keepLabel={t('planning.sessions.deleteKeep')}
          busy={busy}
          onConfirm={() => void confirmDelete(deleting)}
          onKeep={() => setDeleting(undefined)}
        >
          <p>{t('planning.sessions.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Why a session stays, in the page's language where the console knows the reason. */
function DeleteRefusal({ outcome }: { outcome: DeleteOutcome & { kind: 'refused' } }) {
  const { t } = useStaffTranslation();
  const { session } = outcome;
  switch (outcome.code) {
    case 'SESSION_HAS_BOOKINGS':
      return t('planning.sessions.hasBookings', {
        count: session.booked_dose1 + session.booked_dose2 + session.walk_ins, dose1: session.booked_dose1, dose2: session.booked_dose2, walkIns: session.walk_ins,
      });
    case 'SESSION_HAS_HISTORY':
      return t('planning.sessions.hasHistory');
    case 'SESSION_PAST':
      return t('planning.sessions.past');
    case 'NOT_FOUND':
      return t('planning.sessions.gone');
    default:
      return <ServerMessage message={outcome.message} />;
  }
}
