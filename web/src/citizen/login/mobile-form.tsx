import { useState, type FormEvent } from 'react';
import { TextField } from '../form-fields.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { normaliseMobile } from './mobile-number.js';

export type MobileProblem = 'missing' | 'invalid' | undefined;

interface MobileFormProps {
  initial: string;
  busy: boolean;
  /** The server's verdict on the number, shown like our own. */
  problem: MobileProblem;
  onSubmit: (mobile: string, typed: string) => void;
}

export function MobileForm({ initial, busy, problem: serverProblem, onSubmit }: MobileFormProps) {
  const { t } = useCitizenTranslation();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<MobileProblem>();
  const shown = problem ?? serverProblem;

  function submitMobile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mobile = normaliseMobile(text);
    const found: MobileProblem = text.trim() === '' ? 'missing' : mobile === undefined ? 'invalid' : undefined;
    setProblem(found);
    if (found || !mobile) {
      document.getElementById('mobile')?.focus();
      return;
    }
    onSubmit(mobile, text);
  }

  return (
    <form className="citizen-form" onSubmit={submitMobile} noValidate>
      <TextField
        id="mobile"
        name="mobile"
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        maxLength={16}
        className="field--short"
        label={t('login.mobileLabel')}
        hint={t('login.mobileHint')}
        error={shown === 'missing' ? t('login.mobileMissing') : shown === 'invalid' ? t('login.mobileInvalid') : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(undefined);
        }}
      />
      <button type="submit" className="primary" disabled={busy}>{busy ? t('login.sending') : t('login.getOtp')}</button>
    </form>
  );
}
