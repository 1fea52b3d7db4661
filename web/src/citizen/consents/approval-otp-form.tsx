import { useCitizenTranslation } from '../citizen-i18n.js';
import { OtpField, OtpResend, useOtpEntry, type OtpEntryProblem } from '../login/otp-entry.js';

export type ApprovalOtpProblem = OtpEntryProblem | 'expired' | undefined;

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
  const entry = useOtpEntry(serverProblem, resendAt, onConfirm);

  return (
    <form className="citizen-form panel" onSubmit={entry.submitOtp} noValidate aria-labelledby="approval-otp-heading">
      <h2 id="approval-otp-heading">{t('consents.request.otpHeading')}</h2>
      <p className="consent-sharing">{t('consents.request.sharingWith', { partner, name: member })}</p>
      <p id="approval-otp-sent" className="otp-sent">{t('consents.request.otpSent')}</p>
      <OtpField id="approval-otp" entry={entry} moreErrors={{ expired: t('consents.request.otpExpired') }} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || serverProblem === 'locked' || serverProblem === 'expired'}>
          {busy ? t('consents.request.confirming') : t('consents.request.confirm')}
        </button>
      </div>
      <OtpResend resendAt={resendAt} resending={resending} onResend={onResend} />
      <button type="button" className="link-button" onClick={onBack} disabled={busy}>{t('consents.request.changeMember')}</button>
    </form>
  );
}
