import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../citizen/form-fields.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { openWithOtp, openWithSecurityCode, sendEncounterOtp } from './centre-api.js';
import { triesLeftIn } from './centre-words.js';
import { visitNoticeOf, type VisitNotice } from './encounter-problems.js';

type CodeProblem = { kind: 'missing' } | { kind: 'format' } | { kind: 'wrong'; triesLeft: number | undefined; message: string };

interface VerifyStepProps {
  appointmentId: string;
  /** A refusal about the whole visit (locked, not today, …), shown by the page. */
  onNotice: (notice: VisitNotice | undefined) => void;
  locked: boolean;
  onOpened: () => void;
}

/**
 * Decision 0008: the record opens only with what the person gives at the desk, the security code
 * on their slip or an OTP sent to their own mobile. The vaccinator never sees the mobile number.
 */
export function VerifyStep({ appointmentId, onNotice, locked, onOpened }: VerifyStepProps) {
  const { t } = useStaffTranslation();
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<CodeProblem>();
  const [otp, setOtp] = useState('');
  const [otpProblem, setOtpProblem] = useState<CodeProblem>();
  /** How many OTPs have been sent; each one brings focus to the OTP field, once React has drawn it. */
  const [otpsSent, setOtpsSent] = useState(0);
  const otpSent = otpsSent > 0;
  const [busy, setBusy] = useState<'code' | 'send' | 'otp'>();
  const codeInput = useRef<HTMLInputElement>(null);
  const otpInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (otpsSent > 0) otpInput.current?.focus();
  }, [otpsSent]);

  /** Sends one try to the server; a wrong code goes next to its field, with focus, anything else to the page. */
  async function attempt(kind: 'code' | 'otp', call: () => Promise<unknown>, setProblem: (p: CodeProblem) => void, input: HTMLInputElement | null) {
    setBusy(kind);
    onNotice(undefined);
    try {
      await call();
      onOpened();
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'WRONG_CODE') {
        setProblem({ kind: 'wrong', triesLeft: triesLeftIn(failure.message), message: failure.message });
        if (kind === 'code') setCode(''); else setOtp('');
        input?.focus();
      } else {
        onNotice(visitNoticeOf(failure));
      }
      setBusy(undefined);
    }
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const digits = code.trim();
    const problem: CodeProblem | undefined = digits === '' ? { kind: 'missing' } : /^\d{4}$/.test(digits) ? undefined : { kind: 'format' };
    setCodeProblem(problem);
    if (problem) return codeInput.current?.focus();
    void attempt('code', () => openWithSecurityCode(appointmentId, digits), setCodeProblem, codeInput.current);
  }

  async function sendOtp() {
    setBusy('send');
    onNotice(undefined);
    try {
      await sendEncounterOtp(appointmentId);
      setOtpsSent((n) => n + 1);
      setOtp('');
      setOtpProblem(undefined);
    } catch (error) {
      onNotice(visitNoticeOf(staffFailureOf(error)));
    } finally {
      setBusy(undefined);
    }
  }

  function submitOtp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const digits = otp.replace(/\s+/g, '');
    const problem: CodeProblem | undefined = digits === '' ? { kind: 'missing' } : /^\d{6}$/.test(digits) ? undefined : { kind: 'format' };
    setOtpProblem(problem);
    if (problem) return otpInput.current?.focus();
    void attempt('otp', () => openWithOtp(appointmentId, digits), setOtpProblem, otpInput.current);
  }

  const codeError = (problem: CodeProblem | undefined, which: 'code' | 'otp') => {
    if (!problem) return undefined;
    if (problem.kind === 'missing') return which === 'code' ? t('encounter.codeMissing') : t('encounter.otpMissing');
    if (problem.kind === 'format') return which === 'code' ? t('encounter.codeFormat') : t('encounter.otpFormat');
    if (problem.triesLeft === undefined) return <ServerMessage message={problem.message} />;
    return which === 'code' ? t('encounter.wrongCode', { count: problem.triesLeft }) : t('encounter.wrongOtp', { count: problem.triesLeft });
  };

  return (
    <section className="step panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('encounter.verifyHeading')}</h2>
      <p>{t('encounter.verifyIntro')}</p>
      <form className="citizen-form" onSubmit={submitCode} noValidate>
        <TextField
          ref={codeInput}
          id="security-code"
          name="security-code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          className="field--short"
          label={t('encounter.codeLabel')}
          hint={t('encounter.codeHint')}
          error={codeError(codeProblem, 'code')}
          value={code}
          disabled={locked}
          onChange={(event) => {
            setCode(event.target.value);
            setCodeProblem(undefined);
          }}
        />
        <button type="submit" className="primary" disabled={locked || busy !== undefined}>
          {busy === 'code' ? t('encounter.opening') : t('encounter.openRecord')}
        </button>
      </form>
      <div className="otp-route">
        <h3>{t('encounter.noCode')}</h3>
        <button type="button" onClick={() => void sendOtp()} disabled={locked || busy !== undefined}>
          {busy === 'send' ? t('encounter.sending') : otpSent ? t('encounter.sendOtpAgain') : t('encounter.sendOtp')}
        </button>
        <p role="status" className="status-region">{otpSent ? t('encounter.otpSent') : ''}</p>
        {otpSent && (
          <form className="citizen-form" onSubmit={submitOtp} noValidate>
            <TextField
              ref={otpInput}
              id="encounter-otp"
              name="encounter-otp"
              inputMode="numeric"
              autoComplete="off"
              maxLength={7}
              className="field--short"
              label={t('encounter.otpLabel')}
              hint={t('encounter.otpHint')}
              error={codeError(otpProblem, 'otp')}
              value={otp}
              disabled={locked}
              onChange={(event) => {
                setOtp(event.target.value);
                setOtpProblem(undefined);
              }}
            />
            <button type="submit" className="primary" disabled={locked || busy !== undefined}>
              {busy === 'otp' ? t('encounter.opening') : t('encounter.openWithOtp')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
