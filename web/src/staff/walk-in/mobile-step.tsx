import { useEffect, useRef, useState, type FormEvent } from 'react';
import { normaliseMobile } from '../../citizen/login/mobile-number.js';
import { TextField } from '../../citizen/form-fields.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { sendWalkInCode } from './walk-in-api.js';
import { sendProblemOf, type MobileProblem, type SendProblem } from './walk-in-problems.js';

/**
 * Step 1: the person's mobile, to which the server texts the code. The number lives only in this
 * step: once the code is sent the step closes, and nothing on the page shows it again.
 */
export function MobileStep({ focusOnOpen, onSent }: { focusOnOpen: boolean; onSent: (token: string) => void }) {
  const { t } = useStaffTranslation();
  const [mobile, setMobile] = useState('');
  const [problem, setProblem] = useState<SendProblem>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusOnOpen) input.current?.focus();
  }, [focusOnOpen]);

  function showMobileProblem(found: MobileProblem) {
    setProblem({ kind: 'mobile', problem: found });
    requestAnimationFrame(() => input.current?.focus());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const digits = normaliseMobile(mobile);
    if (mobile.trim() === '') return showMobileProblem({ kind: 'missing' });
    if (!digits) return showMobileProblem({ kind: 'format' });
    setBusy(true);
    setProblem(undefined);
    try {
      onSent(await sendWalkInCode(digits));
    } catch (error) {
      const found = sendProblemOf(staffFailureOf(error));
      setBusy(false);
      if (found?.kind === 'mobile') showMobileProblem(found.problem);
      else setProblem(found);
    }
  }

  const mobileError = (found: MobileProblem) => {
    switch (found.kind) {
      case 'missing': return t('walkIn.mobileMissing');
      case 'format': return t('walkIn.mobileFormat');
      case 'tooSoon': return t('walkIn.tooSoon', { count: found.seconds });
      case 'dailyLimit': return t('walkIn.dailyLimit');
    }
  };

  return (
    <section className="step panel" aria-labelledby="mobile-heading">
      <h2 id="mobile-heading">{t('walkIn.mobileHeading')}</h2>
      <p>{t('walkIn.mobileIntro')}</p>
      <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          ref={input}
          id="walk-in-mobile"
          name="walk-in-mobile"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={16}
          className="field--short"
          label={t('walkIn.mobileLabel')}
          hint={t('walkIn.mobileHint')}
          error={problem?.kind === 'mobile' ? mobileError(problem.problem) : undefined}
          value={mobile}
          onChange={(event) => {
            setMobile(event.target.value);
            setProblem(undefined);
          }}
        />
        <div role="alert" className="alert-region">
          {problem && problem.kind !== 'mobile' && (
            <p className="notice notice--error">
              {problem.kind === 'staffLimit' && t('walkIn.staffLimit')}
              {problem.kind === 'smsNotSent' && t('walkIn.smsNotSent')}
              {problem.kind === 'unavailable' && t('common.unavailable')}
              {problem.kind === 'server' && <ServerMessage message={problem.message} />}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('walkIn.sending') : t('walkIn.sendCode')}</button>
        </div>
      </form>
    </section>
  );
}
