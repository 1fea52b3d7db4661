import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { failureOf } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { PageHeading } from '../page-heading.js';
import { ConsentCard } from './consent-card.js';
import type { ConsentView } from './consent-types.js';
import { revokeConsent } from './consents-api.js';
import { consentsByMember } from './member-consents.js';
import { useConsents } from './use-consents.js';
import './consents.css';

type Notice = { kind: 'revoked'; partner: string; name: string } | { kind: 'gone' };

/** /my-consents: every consent the account's members have given, by member, with a way to withdraw each. */
export function MyConsentsPage() {
  const { t } = useCitizenTranslation();
  usePageTitle(t('consents.list.title'));
  const { state, reload } = useConsents();
  const [pending, setPending] = useState<ConsentView>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const noticeBox = useRef<HTMLDivElement>(null);

  // Once the dialog has closed (and handed focus back to its button, which the withdrawal removes),
  // the outcome is the next thing to read.
  useEffect(() => {
    if (notice && !pending) noticeBox.current?.focus();
  }, [notice, pending]);

  async function confirmRevoke() {
    if (!pending) return;
    setBusy(true);
    setActionError(undefined);
    try {
      await revokeConsent(pending.id);
      setNotice({ kind: 'revoked', partner: pending.partner_name, name: pending.member_name });
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind === 'session-ended') return;
      if (failure.kind !== 'rejected') {
        setActionError(t('common.unavailable'));
        return;
      }
      // Withdrawn already (another device) or expired meanwhile: the refreshed list shows which.
      if (failure.status === 404 || failure.status === 409) setNotice({ kind: 'gone' });
      else {
        setActionError(failure.message);
        return;
      }
    } finally {
      setBusy(false);
    }
    setPending(undefined);
    reload();
  }

  const members = state.status === 'loaded' ? consentsByMember(state.consents) : [];
  return (
    <div className="citizen-page citizen-page--narrow">
      <p className="back-link"><Link to="/family">{t('common.backToFamily')}</Link></p>
      <div className="intro">
        <PageHeading>{t('consents.list.heading')}</PageHeading>
        <p>{t('consents.list.intro')}</p>
      </div>
      <div ref={noticeBox} id="consents-notice" tabIndex={-1} role="status" className={notice ? 'notice notice--done' : 'status-region'}>
        {notice?.kind === 'revoked' && t('consents.list.revoked', { partner: notice.partner, name: notice.name })}
        {notice?.kind === 'gone' && t('consents.list.revokeGone')}
      </div>
      <div role="status" className="status-region">{state.status === 'loading' && <p>{t('consents.list.loading')}</p>}</div>
      {state.status === 'failed' && state.failure.kind !== 'session-ended' && (
        <div className="notice notice--error" role="alert">
          <p>{state.failure.kind === 'rejected' ? state.failure.message : t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {state.status === 'loaded' && members.length === 0 && <p className="empty-state">{t('consents.list.empty')}</p>}
      {members.map((member) => (
        <section key={member.referenceId} className="data-section" aria-labelledby={`consents-of-${member.referenceId}`}>
          <h2 id={`consents-of-${member.referenceId}`}>{member.name}</h2>
          <ul className="consent-list">
            {member.consents.map((consent) => (
              <li key={consent.id}>
                <ConsentCard
                  consent={consent}
                  onRevoke={() => {
                    setActionError(undefined);
                    setPending(consent);
                  }}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {pending && (
        <ConfirmDialog
          title={t('consents.list.revokeTitle')}
          confirmLabel={t('consents.list.revokeConfirm')}
          busyLabel={t('consents.list.revoking')}
          keepLabel={t('consents.list.keep')}
          busy={busy}
          error={actionError}
          onConfirm={() => void confirmRevoke()}
          onKeep={() => setPending(undefined)}
        >
          <p>{t('consents.list.revokeBody', { partner: pending.partner_name, name: pending.member_name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
