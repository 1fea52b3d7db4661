import { useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { confirmCode, confirmEnrolment, loadProfile, startSignIn } from '../account-api.js';
import { ServerMessage } from '../server-message.js';
import type { SignInPageState } from '../signed-in-layout.js';
import { staffFailureOf, type StaffFailure } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { useStaffSession } from '../staff-session.js';
import { CodeForm } from './code-form.js';
import { EnrolStep } from './enrol-step.js';
import { PasswordForm } from './password-form.js';

type Step =
  | { kind: 'password' }
  | { kind: 'code'; challengeToken: string }
  | { kind: 'enrol'; username: string; enrolmentToken: string; otpauthUrl: string; qrSvg: string };

type Notice =
  | { kind: 'locked'; minutes: number }
  | { kind: 'rate-limited' }
  | { kind: 'expired' }
  | { kind: 'unavailable' }
  | { kind: 'other'; message: string };

/**
 * Staff sign-in (decision 0007): username and password, then the authenticator code; at first
 * sign-in the QR code to enrol comes in between. Then, with a one-time password, the layout
 * sends the person on to choose their own.
 */
export function SignInPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('signIn.title'));
  const session = useStaffSession();
  const location = useLocation();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [wrongPasswords, setWrongPasswords] = useState(0);
  const [wrongCodes, setWrongCodes] = useState(0);

  // A session may still be alive (a reload, a second tab): then this page has nothing to ask.
  useEffect(() => {
    if (session.status === 'unknown') loadProfile().catch(() => undefined);
  }, [session.status]);

  /** A new step starts with no errors counted from the last one. */
  function goTo(next: Step) {
    setWrongPasswords(0);
    setWrongCodes(0);
    setStep(next);
  }

  if (session.status === 'signed-in') {
    const from = (location.state as SignInPageState | null)?.from;
    return <Navigate to={from?.startsWith('/staff/') ? from : '/staff'} replace />;
  }

  /** Refusals that are not about a field. */
  function explain(failure: StaffFailure) {
    if (failure.kind !== 'rejected') return setNotice({ kind: 'unavailable' });
    switch (failure.code) {
      case 'STAFF_LOCKED': return setNotice({ kind: 'locked', minutes: Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 900) / 60)) });
      case 'SIGN_IN_RATE_LIMITED': return setNotice({ kind: 'rate-limited' });
      case 'SIGN_IN_EXPIRED':
        goTo({ kind: 'password' });
        return setNotice({ kind: 'expired' });
      default: return setNotice({ kind: 'other', message: failure.message });
    }
  }

  async function submitPassword(username: string, password: string) {
    setBusy(true);
    setNotice(undefined);
    try {
      const next = await startSignIn(username, password);
      if (next.step === 'totp' && next.challenge_token) {
        goTo({ kind: 'code', challengeToken: next.challenge_token });
      } else if (next.step === 'enrol_totp' && next.enrolment_token && next.otpauth_url && next.qr_svg) {
        goTo({ kind: 'enrol', username, enrolmentToken: next.enrolment_token, otpauthUrl: next.otpauth_url, qrSvg: next.qr_svg });
      } else {
        setNotice({ kind: 'unavailable' });
      }
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'STAFF_LOGIN_FAILED') setWrongPasswords((n) => n + 1);
      else explain(failure);
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(code: string) {
    if (step.kind === 'password') return;
    setBusy(true);
    setNotice(undefined);
    try {
      // On success the session store says "signed in" and this page moves on.
      await (step.kind === 'code' ? confirmCode(step.challengeToken, code) : confirmEnrolment(step.enrolmentToken, code));
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'TOTP_INVALID') setWrongCodes((n) => n + 1);
      else explain(failure);
      setBusy(false);
    }
  }

  const ended = session.status === 'signed-out' ? session.ended : undefined;
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('signIn.heading')}</PageHeading>
        <p>{t('signIn.intro')}</p>
      </div>
      {ended && !notice && (
        // An alert, so it is read out although it is there from the start: the page did not change by choice.
        <p className={`notice ${ended === 'expired' ? 'notice--warning' : 'notice--done'}`} role={ended === 'expired' ? 'alert' : 'status'}>
          {ended === 'expired' ? t('signIn.sessionEnded') : t('signIn.signedOut')}
        </p>
      )}
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice.kind === 'locked' && t('signIn.locked', { count: notice.minutes })}
            {notice.kind === 'rate-limited' && t('signIn.rateLimited')}
            {notice.kind === 'expired' && t('signIn.expired')}
            {notice.kind === 'unavailable' && t('common.unavailable')}
            {notice.kind === 'other' && <ServerMessage message={notice.message} />}
          </p>
        )}
      </div>
      <div className="panel">
        {step.kind === 'password' && <PasswordForm busy={busy} wrong={wrongPasswords} onSubmit={(u, p) => void submitPassword(u, p)} />}
        {step.kind === 'code' && (
          <div className="step">
            <h2>{t('signIn.codeHeading')}</h2>
            <p id="code-intro">{t('signIn.codeIntro')}</p>
            <CodeForm busy={busy} wrong={wrongCodes} autoFocus describedBy="code-intro" onSubmit={(code) => void submitCode(code)} />
          </div>
        )}
        {step.kind === 'enrol' && (
          <EnrolStep
            username={step.username}
            otpauthUrl={step.otpauthUrl}
            qrSvg={step.qrSvg}
            busy={busy}
            wrong={wrongCodes}
            onSubmit={(code) => void submitCode(code)}
          />
        )}
        {step.kind !== 'password' && (
          <button type="button" className="link-button" onClick={() => { goTo({ kind: 'password' }); setNotice(undefined); }}>
            {t('signIn.startAgain')}
          </button>
        )}
      </div>
    </div>
  );
}
