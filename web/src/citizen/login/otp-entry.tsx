import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import { TextField } from '../form-fields.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { normaliseOtp } from './mobile-number.js';
import { useCountdown } from './use-countdown.js';

/** What can be wrong with an OTP on every form that asks for one; a form may add its own server problems. */
export type OtpEntryProblem = 'missing' | 'format' | 'wrong' | 'locked';

/** The typed digits and the problem to show, shared by the sign-in OTP step and the consent approval's OTP step. */
export interface OtpEntry<P extends string> {
  input: RefObject<HTMLInputElement | null>;
  text: string;
  shown: P | 'missing' | 'format' | undefined;
  submitOtp: (event: FormEvent<HTMLFormElement>) => void;
  changeText: (event: ChangeEvent<HTMLInputElement>) => void;
}

/**
 * Keeps an OTP field's digits, checks them on submit and hands a well-formed OTP to `onEntered`.
 * A problem found here is shown until the person types again; otherwise the server's problem is shown.
 */
export function useOtpEntry<P extends string>(serverProblem: P | undefined, resendAt: number, onEntered: (otp: string) => void): OtpEntry<P> {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<'missing' | 'format'>();
  const input = useRef<HTMLInputElement>(null);

  // The step opens on the OTP field, and a wrong or locked OTP brings focus back to it.
  useEffect(() => input.current?.focus(), [serverProblem]);
  // A new OTP makes the old digits useless.
  useEffect(() => setText(''), [resendAt]);

  function submitOtp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const otp = normaliseOtp(text);
    const found = text.trim() === '' ? 'missing' : otp === undefined ? 'format' : undefined;
    setProblem(found);
    if (found || !otp) {
      input.current?.focus();
      return;
    }
    onEntered(otp);
  }

  function changeText(event: ChangeEvent<HTMLInputElement>) {
    setText(event.target.value);
    setProblem(undefined);
  }

  return { input, text, shown: problem ?? serverProblem, submitOtp, changeText };
}

interface OtpFieldProps<P extends string> {
  /** The field's id; the hint is `${id}-hint`, the error `${id}-error`, and the form's "OTP sent" line must be `${id}-sent`. */
  id: string;
  entry: OtpEntry<P>;
  /** Messages for the server problems only this form has. */
  moreErrors?: Record<Exclude<P, OtpEntryProblem>, string>;
}

export function OtpField<P extends string>({ id, entry, moreErrors }: OtpFieldProps<P>) {
  const { t } = useCitizenTranslation();
  const errors: Record<string, string> = {
    missing: t('login.otpMissing'), format: t('login.otpFormat'), wrong: t('login.otpWrong'), locked: t('login.otpLocked'), ...moreErrors,
  };
  const { shown } = entry;
  return (
    <TextField
      ref={entry.input}
      id={id}
      name="otp"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      className="field--short"
      label={t('login.otpLabel')}
      hint={t('login.otpHint')}
      error={shown ? errors[shown] : undefined}
      value={entry.text}
      onChange={entry.changeText}
      aria-describedby={[shown ? `${id}-error` : '', `${id}-hint`, `${id}-sent`].filter(Boolean).join(' ')}
    />
  );
}

interface OtpResendProps {
  /** Date.now() time from which the server takes another OTP request. */
  resendAt: number;
  resending: boolean;
  onResend: () => void;
}

export function OtpResend({ resendAt, resending, onResend }: OtpResendProps) {
  const { t } = useCitizenTranslation();
  const waitSeconds = useCountdown(resendAt);
  return (
    <div className="otp-resend">
      <button type="button" onClick={onResend} disabled={waitSeconds > 0 || resending}>{t('login.resend')}</button>
      {/* Not a live region: a count read out every second would drown everything else. */}
      {waitSeconds > 0 && <p className="hint">{t('login.resendIn', { count: waitSeconds })}</p>}
    </div>
  );
}
