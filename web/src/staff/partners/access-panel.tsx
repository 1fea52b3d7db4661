import { useState } from 'react';
import { ConfirmDialog } from '../../citizen/confirm-dialog.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { PartnerView } from './partner-types.js';
import { updatePartner } from './partners-api.js';

type Problem = 'unavailable' | { server: string };

/** Disables a partner at once (after a question: its citizens' consents stop working too), or enables it again. */
export function AccessPanel({ partner, onChanged }: { partner: PartnerView; onChanged: (partner: PartnerView) => void }) {
  const { t } = useStaffTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  async function setDisabled(disabled: boolean) {
    setBusy(true);
    setProblem(undefined);
    try {
      const changed = await updatePartner(partner.id, { disabled });
      setAsking(false);
      onChanged(changed);
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'unavailable') setProblem('unavailable');
      else if (failure.kind === 'rejected') setProblem({ server: failure.message });
    } finally {
      setBusy(false);
    }
  }

  const problemText = problem === 'unavailable' ? t('common.unavailable') : problem ? <ServerMessage message={problem.server} /> : undefined;
  return (
    <section className="panel partner-panel" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('partners.access.heading')}</h2>
      <p className={partner.disabled ? 'notice notice--warning' : 'muted'}>{partner.disabled ? t('partners.access.disabledNote') : t('partners.access.activeNote')}</p>
      <div role="alert" className="alert-region">{problemText && !asking && <p className="notice notice--error">{problemText}</p>}</div>
      <div className="form-actions">
        {partner.disabled ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void setDisabled(false)}>
            {busy ? t('partners.access.enabling') : t('partners.access.enable')}
          </button>
        ) : (
          <button type="button" className="danger" disabled={busy} onClick={() => setAsking(true)}>{t('partners.access.disable')}</button>
        )}
      </div>
      {asking && (
        <ConfirmDialog
          title={t('partners.access.disableTitle', { name: partner.name })}
          confirmLabel={t('partners.access.disableConfirm')}
          busyLabel={t('partners.access.disabling')}
          keepLabel={t('partners.access.keep')}
          busy={busy}
          error={problem === 'unavailable' ? t('common.unavailable') : problem?.server}
          onConfirm={() => void setDisabled(true)}
          onKeep={() => setAsking(false)}
        >
          <p>{t('partners.access.disableBody', { name: partner.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
