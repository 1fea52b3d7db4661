import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../citizen/confirm-dialog.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { PartnerView } from './partner-types.js';
import { createApiKey } from './partners-api.js';

type Problem = 'unavailable' | { server: string };

/**
 * Makes the partner's API key and shows it this once: the server keeps only its hash, so a lost
 * key is replaced, never shown again. Replacing one asks first, since the old key stops working.
 */
export function ApiKeyPanel({ partner, onCreated }: { partner: PartnerView; onCreated: () => void }) {
  const { t } = useStaffTranslation();
  const [apiKey, setApiKey] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const hasKey = partner.api_key_created_at !== null || apiKey !== undefined;
  const keyBox = useRef<HTMLInputElement>(null);

  // After the dialog (if any) has handed focus back: the new key is what to read, and copy, next.
  useEffect(() => {
    if (apiKey !== undefined) keyBox.current?.focus();
  }, [apiKey]);

  async function create() {
    setBusy(true);
    setProblem(undefined);
    setCopied(undefined);
    try {
      const created = await createApiKey(partner.id);
      setApiKey(created.api_key);
      setAsking(false);
      onCreated();
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'unavailable') setProblem('unavailable');
      else if (failure.kind === 'rejected') setProblem({ server: failure.message });
    } finally {
      setBusy(false);
    }
  }

  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  const problemText = problem === 'unavailable' ? t('common.unavailable') : problem ? <ServerMessage message={problem.server} /> : undefined;
  return (
    <section className="panel partner-panel" aria-labelledby="api-key-heading">
      <h2 id="api-key-heading">{t('partners.apiKey.heading')}</h2>
      <p className="muted">{t('partners.apiKey.intro')}</p>
      {apiKey !== undefined && (
        <div className="partner-new-key">
          <label htmlFor="partner-api-key">{t('partners.apiKey.label')}</label>
          <p id="partner-api-key-note" className="notice notice--warning">{t('partners.apiKey.shownOnce')}</p>
          <input
            ref={keyBox}
            id="partner-api-key"
            type="text"
            className="partner-code"
            readOnly
            value={apiKey}
            spellCheck={false}
            aria-describedby="partner-api-key-note"
            onFocus={(event) => event.target.select()}
          />
          <div className="form-actions">
            <button type="button" onClick={() => void copy(apiKey)}>{t('partners.apiKey.copy')}</button>
            <p role="status" className="status-region">
              {copied === 'copied' && t('partners.apiKey.copied')}
              {copied === 'failed' && t('partners.apiKey.copyFailed')}
            </p>
          </div>
        </div>
      )}
      <div role="alert" className="alert-region">{problemText && !asking && <p className="notice notice--error">{problemText}</p>}</div>
      <div className="form-actions">
        <button type="button" className={hasKey ? undefined : 'primary'} disabled={busy} onClick={() => (hasKey ? setAsking(true) : void create())}>
          {busy && !asking ? t('partners.apiKey.creating') : hasKey ? t('partners.apiKey.replace') : t('partners.apiKey.create')}
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          title={t('partners.apiKey.replaceTitle', { name: partner.name })}
          confirmLabel={t('partners.apiKey.replaceConfirm')}
          busyLabel={t('partners.apiKey.creating')}
          keepLabel={t('partners.apiKey.keep')}
          busy={busy}
          error={problem === 'unavailable' ? t('common.unavailable') : problem?.server}
          onConfirm={() => void create()}
          onKeep={() => setAsking(false)}
        >
          <p>{t('partners.apiKey.replaceBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
