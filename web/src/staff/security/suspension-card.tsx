import { useState, type FormEvent, type ReactNode } from 'react';
import { TextAreaField } from '../../citizen/form-fields.js';
import { formatInstant } from '../../citizen/format.js';
import { focusSoon } from '../../citizen/page-heading.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { actorName } from './actor-name.js';
import { reasonLength, reinstate, type Suspension } from './security-api.js';

export type ReinstateOutcome = { kind: 'reinstated'; name: string } | { kind: 'gone' } | { kind: 'unavailable' };

/** A suspended credential, the alert that suspended it, and the form that reinstates it with a reason. */
export function SuspensionCard({ suspension, onDone }: { suspension: Suspension; onDone: (outcome: ReinstateOutcome) => void }) {
  const { t, language } = useStaffTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ReactNode>();
  const [busy, setBusy] = useState(false);
  const headingId = `suspension-${suspension.id}`;
  const reasonId = `reason-${suspension.id}`;
  const name = actorName(t, suspension.actor);

  function showError(message: ReactNode) {
    setError(message);
    focusSoon(reasonId);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const written = reason.trim();
    if (written === '') return showError(t('security.reasonMissing'));
    if (written.length < reasonLength.min) return showError(t('security.reasonShort', { min: reasonLength.min }));
    if (written.length > reasonLength.max) return showError(t('security.reasonLong', { max: reasonLength.max }));
    setBusy(true);
    try {
      await reinstate(suspension.id, written);
      onDone({ kind: 'reinstated', name });
    } catch (failure) {
      const refused = staffFailureOf(failure);
      if (refused.kind === 'rejected' && refused.code === 'NOT_FOUND') return onDone({ kind: 'gone' });
      if (refused.kind === 'rejected') return showError(<ServerMessage message={refused.message} />);
      if (refused.kind === 'unavailable') onDone({ kind: 'unavailable' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className={`security-card security-card--${suspension.alert.severity}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <dl className="facts facts--compact">
        <div><dt>{t('security.suspendedAt')}</dt><dd>{formatInstant(suspension.suspended_at, language)}</dd></div>
        <div>
          <dt>{t('security.suspendedBy')}</dt>
          <dd><span className={`severity severity--${suspension.alert.severity}`}>{t(`security.severities.${suspension.alert.severity}`)}</span> {t(`security.rules.${suspension.alert.rule}`)}</dd>
        </div>
      </dl>
      <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextAreaField
          id={reasonId}
          label={t('security.reason')}
          hint={t('security.reasonHint', { min: reasonLength.min, max: reasonLength.max })}
          error={error}
          rows={3}
          maxLength={reasonLength.max}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setError(undefined);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('security.reinstating') : t('security.reinstate', { name })}</button>
        </div>
      </form>
    </article>
  );
}
