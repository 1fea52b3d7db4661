import { useState } from 'react';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { ChainCheck } from '../staff-types.js';
import { checkAuditChain } from './audit-api.js';

type Outcome = { kind: 'checked'; chain: ChainCheck } | { kind: 'failed' };

/** The auditor's check that nobody has edited, deleted or reordered the audit log (separation of duties). */
export function ChainPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('audit.title'));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function check() {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'checked', chain: await checkAuditChain() });
    } catch (error) {
      if (staffFailureOf(error).kind === 'session-ended') return;
      setOutcome({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  }

  const chain = outcome?.kind === 'checked' ? outcome.chain : undefined;
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('audit.heading')}</PageHeading>
        <p>{t('audit.intro')}</p>
      </div>
      <p><button type="button" className="primary" onClick={() => void check()} disabled={busy}>{busy ? t('audit.running') : t('audit.run')}</button></p>
      {/* An alert either way: a broken chain is urgent, and an intact one is the answer that was asked for. */}
      <div role="alert" className="alert-region">
        {chain?.ok && (
          <div className="notice notice--done">
            <p>{t('audit.intact', { count: chain.checked })}</p>
            <p>{chain.sealed_through === undefined ? t('audit.sealedNone') : t('audit.sealed', { seq: chain.sealed_through })}</p>
          </div>
        )}
        {chain && !chain.ok && (
          <div className="notice notice--error">
            <p>{chain.broken_at === undefined ? t('audit.brokenUnknown') : t('audit.broken', { at: chain.broken_at })}</p>
            {/* The verifier's own sentence (English): what the security team needs to start from. */}
            {chain.problem && <p lang="en">{t('audit.problem', { problem: chain.problem })}</p>}
          </div>
        )}
        {outcome?.kind === 'failed' && <p className="notice notice--error">{t('common.unavailable')}</p>}
      </div>
    </div>
  );
}
