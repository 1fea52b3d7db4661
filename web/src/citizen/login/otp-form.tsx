import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../form-fields.js';
import { maskMobile } from '../format.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { normaliseOtp } from './mobile-number.js';
import { useCountdown } from './use-countdown.js';

export type OtpProblem = 'missing' | 'format' | 'wrong' | 'locked' | undefined;

interface OtpFormProps {
  mobile: string;
  busy: boolean;
  resending: boolean;
  problem: OtpProblem;
  /** Date.now() time from which the server takes another OTP request for this number. */
  resendAt: number;
  onVerify: (otp: string) => void;
  onResend: () => void;
  onChangeMobile: () => void;
}

export function OtpForm({ mobile, busy, resending, problem: serverProblem, resendAt, onVerify, onResend, onChangeMobile }: OtpFormProps) {
  const { t } = useCitizenTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<OtpProblem>();
  const input = useRef<HTMLInputElement>(null);
  const waitSeconds = useCountdown(resendAt);
  const shown = problem ?? serverProblem;

  // The step opens on the OTP field, and a wrong or locked OTP brings focus back to it.
  useEffect(() => input.current?.focus(), [serverProblem]);
  // A new OTP makes the old digits useless.
  useEffect(() => setText(''), [resendAt]);

  function submitOtp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const otp = normaliseOtp(text);
    const found: OtpProblem = text.trim() === '' ? 'missing' : otp === undefined ? 'format' : undefined;
    setProblem(found);
    if (found || !otp) {
      input.current?.focus();
      return;
    }
    onVerify(otp);
  }

  const errors = { missing: t('login.otpMissing'), format: t('login.otpFormat'), wrong: t('login.otpWrong'), locked: t('login.otpLocked') };
  return (
    <form className="citizen-form" onSubmit={submitOtp} noValidate>
      <p id="otp-sent" className="otp-sent">{t('login.otpSent', { mobile: maskMobile(mobile) })}</p>
      <TextField
        ref={input}
        id="otp"
        name="otp"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="field--short"
        label={t('login.otpLabel')}
        hint={t('login.otpHint')}
        error={shown ? errors[shown] : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(undefined);
        }}
        aria-describedby={[shown ? 'otp-error' : '', 'otp-hint', 'otp-sent'].filter(Boolean).join(' ')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || serverProblem === 'locked'}>
          {busy ? t('login.verifying') : t('login.verify')}
        </button>
      </div>
      <div className="otp-resend">
        <button type="button" onClick={onResend} disabled={waitSeconds > 0 || resending}>{t('login.resend')}</button>
        {/* Not a live region: a count read out every second would drown everything else. */}
        {waitSeconds > 0 && <p className="hint">{t('login.resendIn', { count: waitSeconds })}</p>}
      </div>
      <button type="button" className="link-button" onClick={onChangeMobile}>{t('login.changeMobile')}</button>
    </form>
  );
}
