import { useEffect, useRef, useState } from 'react';
import { failureOf, type CitizenFailure } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatInstant } from '../format.js';
import { accessSentence } from './access-sentence.js';
import { fetchAccessHistory } from './access-history-api.js';
import type { AccessHistoryEntry } from './my-data-types.js';
import './who-accessed.css';

type LogState =
  | { status: 'loading' }
  | { status: 'loaded'; entries: AccessHistoryEntry[]; nextBefore: number | null; loadingOlder: boolean; olderFailed: boolean }
  | { status: 'failed'; failure: CitizenFailure };

/**
 * One member's (or the mobile number's) entries, newest first, a page at a time. After "Show
 * older", focus moves to the first entry that arrived, so a keyboard or screen-reader user carries
 * on reading where the list grew.
 */
function AccessLog({ about, title }: { about: string; title: string }) {
  const { t, language } = useCitizenTranslation();
  const [state, setState] = useState<LogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const firstNew = useRef<HTMLLIElement>(null);
  const [focusFrom, setFocusFrom] = useState<number | undefined>();
  const headingId = `access-${about}`;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchAccessHistory(about, undefined, controller.signal).then(
      (page) => setState({ status: 'loaded', entries: page.groups[0]?.entries ?? [], nextBefore: page.next_before, loadingOlder: false, olderFailed: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', failure: failureOf(error) });
      },
    );
    return () => controller.abort();
  }, [about, attempt]);

  useEffect(() => {
    if (focusFrom !== undefined) firstNew.current?.focus();
  }, [focusFrom]);

  async function showOlder(entries: AccessHistoryEntry[], before: number) {
    setState({ status: 'loaded', entries, nextBefore: before, loadingOlder: true, olderFailed: false });
    try {
      const page = await fetchAccessHistory(about, before);
      setState({ status: 'loaded', entries: [...entries, ...(page.groups[0]?.entries ?? [])], nextBefore: page.next_before, loadingOlder: false, olderFailed: false });
      setFocusFrom(entries.length);
    } catch {
      setState({ status: 'loaded', entries, nextBefore: before, loadingOlder: false, olderFailed: true });
    }
  }

  return (
    <section className="access-log" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <div role="status" className="status-region">
        {state.status === 'loading' && <p>{t('whoAccessed.loading')}</p>}
        {state.status === 'loaded' && state.loadingOlder && <p>{t('whoAccessed.loadingOlder')}</p>}
      </div>
      {state.status === 'failed' && state.failure.kind !== 'session-ended' && (
        <div className="notice notice--error" role="alert">
          <p>{state.failure.kind === 'rejected' ? state.failure.message : t('whoAccessed.failed')}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>{t('whoAccessed.retry')}</button>
        </div>
      )}
      {state.status === 'loaded' && state.entries.length === 0 && <p className="muted">{t('whoAccessed.none')}</p>}
      {state.status === 'loaded' && state.entries.length > 0 && (
        <ol className="access-entries">
          {state.entries.map((entry, index) => {
            const refused = entry.outcome === 'denied';
            return (
              <li
                key={entry.seq}
                className={refused ? 'access-entry access-entry--refused' : 'access-entry'}
                ref={index === focusFrom ? firstNew : undefined}
                tabIndex={index === focusFrom ? -1 : undefined}
              >
                <p className="access-sentence">{accessSentence(t, entry)}</p>
                <p className="access-when">
                  <time dateTime={entry.at}>{formatInstant(entry.at, language)}</time>
                  {refused && <span className="badge badge--refused">{t('whoAccessed.refused')}</span>}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {state.status === 'loaded' && state.olderFailed && <p className="notice notice--error" role="alert">{t('whoAccessed.failed')}</p>}
      {state.status === 'loaded' && state.nextBefore !== null && (
        <button
          type="button"
          disabled={state.loadingOlder}
          aria-label={t('whoAccessed.olderFor', { name: title })}
          onClick={() => void showOlder(state.entries, state.nextBefore!)}
        >
          {t('whoAccessed.older')}
        </button>
      )}
    </section>
  );
}

/**
 * "Who accessed my data" (decision 0016): for each family member and for the mobile number, every
 * read or change by anyone but the citizen, told as sentences with role and centre, partner names,
 * and the time in India.
 */
export function WhoAccessed({ members }: { members: readonly { referenceId: string; name: string }[] }) {
  const { t } = useCitizenTranslation();
  return (
    <section className="data-section" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('whoAccessed.heading')}</h2>
      <p className="muted">{t('whoAccessed.intro')}</p>
      {members.map((member) => <AccessLog key={member.referenceId} about={member.referenceId} title={member.name} />)}
      <AccessLog about="account" title={t('whoAccessed.account')} />
    </section>
  );
}
