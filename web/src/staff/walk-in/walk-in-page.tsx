import { useState } from 'react';
import { useNavigate } from 'react-router';
import { emptyDraft } from '../../citizen/add-member/member-checks.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import type { EncounterHandover } from '../centre/encounter-page.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { DetailsStep, type WalkInDraft } from './details-step.js';
import { MobileStep } from './mobile-step.js';
import { useWalkInSessions } from './use-walk-in-sessions.js';
import './walk-in.css';

/**
 * Walk-in registration (decision 0010): the person's mobile gets a code, they read it out with
 * their details in hand, and the visit continues on today's list at the dose step, the record
 * being open already. The page never shows the mobile once the code has gone.
 */
export function WalkInPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('walkIn.title'));
  const { scope } = useStaffProfile();
  const navigate = useNavigate();
  const { sessions, reload } = useWalkInSessions();
  const [token, setToken] = useState<string>();
  const [codesAsked, setCodesAsked] = useState(0);
  const [draft, setDraft] = useState<WalkInDraft>({ member: emptyDraft, sessionId: '' });

  const open = sessions.kind === 'loaded' ? sessions.sessions.filter((s) => s.walk_ins_left > 0) : [];
  // With one session to choose from, it is chosen already.
  const withOnlySession = (current: WalkInDraft) => (current.sessionId === '' && open.length === 1 ? { ...current, sessionId: open[0]!.session_id } : current);

  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('walkIn.heading')}</PageHeading>
        <p>{t('walkIn.intro', { centre: scope.name })}</p>
      </div>
      {/* Always in the page, so that screen readers announce the code being sent when it is. */}
      <div role="status" className="status-region">
        {sessions.kind === 'loading' && <p>{t('walkIn.sessionsLoading')}</p>}
        {open.length > 0 && token !== undefined && <p className="notice notice--info">{t('walkIn.codeSent')}</p>}
      </div>
      {sessions.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {sessions.kind === 'loaded' && open.length === 0 && (
        <p className="notice notice--warning">{sessions.sessions.length === 0 ? t('walkIn.noSessions') : t('walkIn.noPlaces')}</p>
      )}
      {open.length > 0 && token === undefined && (
        <MobileStep
          focusOnOpen={codesAsked > 0}
          onSent={(sent) => {
            setToken(sent);
            setCodesAsked((n) => n + 1);
          }}
        />
      )}
      {open.length > 0 && token !== undefined && (
        <DetailsStep
          key={token}
          token={token}
          sessions={open}
          draft={withOnlySession(draft)}
          onDraft={(update) => setDraft((current) => update(withOnlySession(current)))}
          onNewCode={() => setToken(undefined)}
          onSessionsChanged={reload}
          onRegistered={(registered) => {
            const handover: EncounterHandover = { recordOpen: true };
            void navigate(`/staff/day/${registered.appointment_id}`, { state: handover });
          }}
        />
      )}
    </div>
  );
}
