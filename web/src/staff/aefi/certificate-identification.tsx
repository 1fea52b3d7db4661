import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../citizen/form-fields.js';
import { normaliseOtp } from '../../citizen/login/mobile-number.js';
import { triesLeftIn } from '../centre/centre-words.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf, type StaffFailure } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { confirmIdentification, sendIdentificationCode } from './aefi-api.js';
import type { Problem } from './event-checks.js';
import { problemText } from './problem-text.js';

type OtpProblem = Problem | { wrong: number | undefined; message: string };
type Notice = Problem | 'unavailable' | { tooSoon: number };

/**
 * A person back on another day (or at another centre) to report an event: their certificate's ID
 * sends a code to their own account's mobile, and the code they read out opens their record here
 * until midnight. Staff never see the mobile, and the answer is the same whoever the certificate is of.
 */
export function CertificateIdentification({ onOpened }: { onOpened: (uvci: string) => void }) {
  const { t } = useStaffTranslation();
  const [uvci, setUvci] = useState('');
  const [uvciProblem, setUvciProblem] = useState<Problem>();
  const [token, setToken] = useState<string>();
  const [sent, setSent] = useState(0);
  const [otp, setOtp] = useState('');
  const [otpProblem, setOtpProblem] = useState<OtpProblem>();
  const [notice, setNotice] = useState<Notice>();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState<'send' | 'open'>();
  const uvciInput = useRef<HTMLInputElement>(null);
  const otpInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sent > 0) otpInput.current?.focus();
  }, [sent]);

  /** What is left to say once the session-ended and field cases are dealt with. */
  const noticeOf = (failure: StaffFailure): Notice | undefined => {
    if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return undefined;
    if (failure.kind === 'unavailable') return 'unavailable';
    if (failure.code === 'STAFF_OTP_LIMIT') return 'staffLimit';
    if (failure.code === 'SMS_NOT_SENT') return 'smsNotSent';
    if (failure.code === 'OTP_TOO_SOON') return { tooSoon: failure.retryAfterSeconds ?? 60 };
    return { server: failure.message };
  };

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = uvci.trim();
    setNotice(undefined);
    if (text === '') {
      setUvciProblem('certificateMissing');
      uvciInput.current?.focus();
      return;
    }
    setBusy('send');
    try {
      setToken(await sendIdentificationCode(text));
      setOtp('');
      setOtpProblem(undefined);
      setSent((n) => n + 1);
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && (failure.code === 'NOT_FOUND' || failure.message.startsWith('certificate_uvci'))) {
        setUvciProblem('certificateNotFound');
        requestAnimationFrame(() => uvciInput.current?.focus());
      } else setNotice(noticeOf(failure));
    } finally {
      setBusy(undefined);
    }
  }

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const digits = normaliseOtp(otp);
    const local: OtpProblem | undefined = otp.trim() === '' ? 'otpMissing' : digits ? undefined : 'otpFormat';
    setOtpProblem(local);
    setNotice(undefined);
    if (local || !digits || token === undefined) return otpInput.current?.focus();
    setBusy('open');
    try {
      await confirmIdentification(token, digits);
      setOpened(true);
      onOpened(uvci.trim());
    } catch (error) {
      const failure = staffFailureOf(error);
      const code = failure.kind === 'rejected' ? failure.code : undefined;
      const problem: OtpProblem | undefined = code === 'WRONG_CODE' && failure.kind === 'rejected'
        ? { wrong: triesLeftIn(failure.message), message: failure.message }
        : code === 'CODE_LOCKED' ? 'codeLocked'
          : code === 'CODE_EXPIRED' || code === 'NOT_FOUND' ? 'codeExpired'
            : code === 'INVALID_INPUT' ? 'otpFormat' : undefined;
      if (problem) {
        setOtp('');
        setOtpProblem(problem);
        requestAnimationFrame(() => otpInput.current?.focus());
      } else setNotice(noticeOf(failure));
    } finally {
      setBusy(undefined);
    }
  }

  const otpError = (problem: OtpProblem | undefined) => {
    if (problem === undefined || typeof problem === 'string' || 'server' in problem) return problemText(t, problem);
    return problem.wrong === undefined ? <ServerMessage message={problem.message} /> : t('aefi.wrongOtp', { count: problem.wrong });
  };

  if (opened) return <p role="status" className="notice notice--done">{t('aefi.recordOpened')}</p>;
  return (
    <div className="otp-route">
      <p>{t('aefi.certificateIntro')}</p>
      <form className="citizen-form" onSubmit={(event) => void send(event)} noValidate>
        <TextField
          ref={uvciInput}
          id="aefi-certificate"
          name="aefi-certificate"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={60}
          label={t('aefi.certificateLabel')}
          hint={t('aefi.certificateHint')}
          error={problemText(t, uvciProblem)}
          value={uvci}
          onChange={(event) => {
            setUvci(event.target.value);
            setUvciProblem(undefined);
          }}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy !== undefined}>
            {busy === 'send' ? t('aefi.sending') : sent > 0 ? t('aefi.sendNewCode') : t('aefi.sendCode')}
          </button>
        </div>
      </form>
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice === 'unavailable' ? t('common.unavailable')
              : typeof notice === 'object' && 'tooSoon' in notice ? t('aefi.tooSoon', { count: notice.tooSoon }) : problemText(t, notice)}
          </p>
        )}
      </div>
      <p role="status" className="status-region">{sent > 0 ? t('aefi.codeSent') : ''}</p>
      {sent > 0 && (
        <form className="citizen-form" onSubmit={(event) => void open(event)} noValidate>
          <TextField
            ref={otpInput}
            id="aefi-otp"
            name="aefi-otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="field--short"
            label={t('aefi.otpLabel')}
            hint={t('aefi.otpHint')}
            error={otpError(otpProblem)}
            value={otp}
            onChange={(event) => {
              setOtp(event.target.value);
              setOtpProblem(undefined);
            }}
          />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy !== undefined}>{busy === 'open' ? t('aefi.opening') : t('aefi.openRecord')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
