import { maskMobile } from '../format.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { OtpField, OtpResend, useOtpEntry, type OtpEntryProblem } from './otp-entry.js';

export type OtpProblem = OtpEntryProblem | undefined;

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
  const entry = useOtpEntry(serverProblem, resendAt, onVerify);

  return (
    <form className="citizen-form" onSubmit={entry.submitOtp} noValidate>
      <p id="otp-sent" className="otp-sent">{t('login.otpSent', { mobile: maskMobile(mobile) })}</p>
      <OtpField id="otp" entry={entry} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || serverProblem === 'locked'}>
          {busy ? t('login.verifying') : t('login.verify')}
        </button>
      </div>
      <OtpResend resendAt={resendAt} resending={resending} onResend={onResend} />
      <button type="button" className="link-button" onClick={onChangeMobile}>{t('login.changeMobile')}</button>
    </form>
  );
}
