import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { confirmOtp, failureOf, requestOtp, type CitizenFailure } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { PageHeading } from '../page-heading.js';
import { returnPathOf, type LoginPageState } from '../require-login.js';
import { startSession, useCitizenToken } from '../session.js';
import { MobileForm, type MobileProblem } from './mobile-form.js';
import { OtpForm, type OtpProblem } from './otp-form.js';

// identity/service.ts: one OTP a minute per number, and 3 wrong tries lock a transaction.
const RESEND_INTERVAL_MS = 60_000;
const MAX_WRONG_TRIES = 3;

type Notice =
  | { kind: 'too-soon'; seconds: number }
  | { kind: 'daily-limit' }
  | { kind: 'network-limit'; minutes: number }
  | { kind: 'unavailable' }
  | { kind: 'other'; message: string };

interface OtpStep {
  mobile: string;
  txnId: string;
  resendAt: number;
  wrongTries: number;
}

export function LoginPage() {
  const { t } = useCitizenTranslation();
  usePageTitle(t('login.title'));
  const location = useLocation();
  const ended = (location.state as LoginPageState | null)?.ended;
  const loggedIn = useCitizenToken() !== undefined;
  const [typedMobile, setTypedMobile] = useState('');
  const [step, setStep] = useState<OtpStep>();
  const [busy, setBusy] = useState<'sending' | 'verifying'>();
  const [mobileProblem, setMobileProblem] = useState<MobileProblem>();
  const [otpProblem, setOtpProblem] = useState<OtpProblem>();
  const [notice, setNotice] = useState<Notice>();
  const [resent, setResent] = useState(false);

  if (loggedIn) return <Navigate to={returnPathOf(location.state as LoginPageState | null) ?? '/family'} replace />;

  /** Says why an OTP could not be sent; a wait the server names restarts the resend countdown. */
  function explainRefusal(failure: CitizenFailure) {
    if (failure.kind !== 'rejected') return setNotice({ kind: 'unavailable' });
    switch (failure.code) {
      case 'USRAUT0010': return setMobileProblem('missing');
      case 'INVALID_INPUT': return setMobileProblem('invalid');
      case 'OTP_TOO_SOON': {
        const seconds = failure.retryAfterSeconds ?? 60;
        setStep((current) => current && { ...current, resendAt: Date.now() + seconds * 1000 });
        return setNotice({ kind: 'too-soon', seconds });
      }
      case 'OTP_DAILY_LIMIT': return setNotice({ kind: 'daily-limit' });
      case 'OTP_RATE_LIMITED': return setNotice({ kind: 'network-limit', minutes: Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)) });
      default: return setNotice({ kind: 'other', message: failure.message });
    }
  }

  async function sendOtp(mobile: string) {
    setBusy('sending');
    setNotice(undefined);
    setMobileProblem(undefined);
    setResent(false);
    try {
      const { txnId } = await requestOtp(mobile);
      const again = step?.mobile === mobile;
      setStep({ mobile, txnId, resendAt: Date.now() + RESEND_INTERVAL_MS, wrongTries: 0 });
      setOtpProblem(undefined);
      setResent(again);
    } catch (error) {
      explainRefusal(failureOf(error));
      if (!step) document.getElementById('mobile')?.focus();
    } finally {
      setBusy(undefined);
    }
  }

  async function verify(otp: string) {
    if (!step) return;
    setBusy('verifying');
    setNotice(undefined);
    setResent(false);
    try {
      const { token } = await confirmOtp(step.txnId, otp);
      // The page re-renders logged in and moves on to /family, or back to the page that sent the citizen here.
      startSession(token);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'USRAUT0014') {
        const wrongTries = step.wrongTries + 1;
        setStep({ ...step, wrongTries });
        setOtpProblem(wrongTries >= MAX_WRONG_TRIES ? 'locked' : 'wrong');
      } else if (failure.kind === 'rejected' && failure.code === 'USRAUT0012') {
        setOtpProblem('missing');
      } else {
        explainRefusal(failure);
      }
      setBusy(undefined);
    }
  }

  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('login.heading')}</PageHeading>
        <p>{t('login.intro')}</p>
      </div>
      {ended && (
        // An alert, so it is read out even though it is there from the start: the page did not change by choice.
        <p className={`notice ${ended === 'expired' ? 'notice--warning' : 'notice--done'}`} role={ended === 'expired' ? 'alert' : 'status'}>
          {ended === 'expired' ? t('login.sessionEnded') : t('login.loggedOut')}
        </p>
      )}
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice.kind === 'too-soon' && t('login.tooSoon', { count: notice.seconds })}
            {notice.kind === 'daily-limit' && t('login.dailyLimit')}
            {notice.kind === 'network-limit' && t('login.networkLimit', { count: notice.minutes })}
            {notice.kind === 'unavailable' && t('common.unavailable')}
            {notice.kind === 'other' && notice.message}
          </p>
        )}
      </div>
      <p role="status" className={resent ? 'notice notice--done' : 'visually-hidden'}>{resent ? t('login.resent') : ''}</p>
      <div className="panel">
        {step ? (
          <OtpForm
            key={step.mobile}
            mobile={step.mobile}
            busy={busy === 'verifying'}
            resending={busy === 'sending'}
            problem={otpProblem}
            resendAt={step.resendAt}
            onVerify={(otp) => void verify(otp)}
            onResend={() => void sendOtp(step.mobile)}
            onChangeMobile={() => {
              setStep(undefined);
              setNotice(undefined);
              setOtpProblem(undefined);
            }}
          />
        ) : (
          <MobileForm
            initial={typedMobile}
            busy={busy === 'sending'}
            problem={mobileProblem}
            onSubmit={(mobile, typed) => {
              setTypedMobile(typed);
              void sendOtp(mobile);
            }}
          />
        )}
      </div>
    </div>
  );
}
