import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { TextField } from '../form-fields.js';
import { normaliseOtp } from '../login/mobile-number.js';
import { useCountdown } from '../login/use-countdown.js';

export type ApprovalOtpProblem = 'missing' | 'format' | 'wrong' | 'locked' | 'expired' | undefined;

interface ApprovalOtpFormProps {
  partner: string;
  member: string;
  busy: boolean;
  resending: boolean;
  problem: ApprovalOtpProblem;
  /** Date.now() time from which the server takes another OTP request. */
  resendAt: number;
  onConfirm: (otp: string) => void;
  onResend: () => void;
  onBack: () => void;
}

/** The approval's second step: the OTP texted to the account's own mobile, so the phone's owner agrees, not just whoever holds it. */
export function ApprovalOtpForm({ partner, member, busy, resending, problem: serverProblem, resendAt, onConfirm, onResend, onBack }: ApprovalOtpFormProps) {
  const { t } = useCitizenTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ApprovalOtpProblem>();
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
    const found: ApprovalOtpProblem = text.trim() === '' ? 'missing' : otp === undefined ? 'format' : undefined;
    setProblem(found);
    if (found || !otp) {
      input.current?.focus();
      return;
    }
    onConfirm(otp);
  }

  const errors = {
    missing: t('login.otpMissing'), format: t('login.otpFormat'), wrong: t('login.otpWrong'), locked: t('login.otpLocked'), expired: t('consents.request.otpExpired'),
  };
  return (
    <form className="citizen-form panel" onSubmit={submitOtp} noValidate aria-labelledby="approval-otp-heading">
      <h2 id="approval-otp-heading">{t('consents.request.otpHeading')}</h2>
      <p className="consent-sharing">{t('consents.request.sharingWith', { partner, name: member })}</p>
      <p id="approval-otp-sent" className="otp-sent">{t('consents.request.otpSent')}</p>
      <TextField
        ref={input}
        id="approval-otp"
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
        aria-describedby={[shown ? 'approval-otp-error' : '', 'approval-otp-hint', 'approval-otp-sent'].filter(Boolean).join(' ')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || serverProblem === 'locked' || serverProblem === 'expired'}>
          {busy ? t('consents.request.confirming') : t('consents.request.confirm')}
        </button>
      </div>
      <div className="otp-resend">
        <button type="button" onClick={onResend} disabled={waitSeconds > 0 || resending}>{t('login.resend')}</button>
        {/* Not a live region: a count read out every second would drown everything else. */}
        {waitSeconds > 0 && <p className="hint">{t('login.resendIn', { count: waitSeconds })}</p>}
      </div>
      <button type="button" className="link-button" onClick={onBack} disabled={busy}>{t('consents.request.changeMember')}</button>
    </form>
  );
}
