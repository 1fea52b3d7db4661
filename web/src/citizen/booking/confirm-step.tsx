import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { failureOf, fetchCaptcha, rescheduleAppointment, scheduleAppointment, type CitizenFailure } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { TextField } from '../form-fields.js';
import { formatCowinDay } from '../format.js';
import { feeOf, type Choice } from './chosen-session.js';

export interface Booking {
  /** The appointment to move; a new booking when absent. */
  rescheduleId?: string | undefined;
  dose: number;
  members: readonly { beneficiary_reference_id: string; name: string }[];
}

type Problem =
  | { kind: 'full' | 'slot' | 'closed' | 'unknown-session' | 'exists' | 'captcha-wrong' | 'captcha-failed' | 'unavailable' | 'gone' }
  | { kind: 'not-eligible' | 'other'; message: string };

interface ConfirmStepProps {
  booking: Booking;
  choice: Choice;
  slot: string;
  onDone: (appointmentId: string) => void;
  onChangeSlot: () => void;
  /** Back to the calendar, fetched afresh: the seats have changed. */
  onChooseAnother: () => void;
}

function problemOf(failure: CitizenFailure): Problem {
  if (failure.kind !== 'rejected') return { kind: 'unavailable' };
  switch (failure.code) {
    case 'APPOIN0040': return { kind: 'full' };
    case 'APPOIN0015': return { kind: 'slot' };
    case 'SESSION_CLOSED': return { kind: 'closed' };
    case 'INVALID_SESSION': return { kind: 'unknown-session' };
    case 'APPOINTMENT_EXISTS': return { kind: 'exists' };
    case 'NOT_FOUND': return { kind: 'gone' };
    case 'NOT_ELIGIBLE': return { kind: 'not-eligible', message: failure.message };
    default: return { kind: 'other', message: failure.message };
  }
}

export function ConfirmStep({ booking, choice, slot, onDone, onChangeSlot, onChooseAnother }: ConfirmStepProps) {
  const { t, language } = useCitizenTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  // Only when the server asks (APPOIN0044): the captcha is off unless TEEKA_CAPTCHA_ON_SCHEDULE is set.
  const [captcha, setCaptcha] = useState<string>();
  const [answer, setAnswer] = useState('');
  const [answerMissing, setAnswerMissing] = useState(false);
  const fee = feeOf(choice);

  async function showCaptcha(wrong: boolean) {
    setAnswer('');
    try {
      setCaptcha(await fetchCaptcha());
      setProblem(wrong ? { kind: 'captcha-wrong' } : undefined);
      requestAnimationFrame(() => document.getElementById('captcha')?.focus());
    } catch (error) {
      if (failureOf(error).kind !== 'session-ended') setProblem({ kind: 'captcha-failed' });
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (captcha !== undefined && answer.trim() === '') {
      setAnswerMissing(true);
      document.getElementById('captcha')?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    const solved = captcha === undefined ? undefined : answer.trim();
    try {
      if (booking.rescheduleId) {
        await rescheduleAppointment({ appointment_id: booking.rescheduleId, session_id: choice.session.session_id, slot, captcha: solved });
        onDone(booking.rescheduleId);
      } else {
        const booked = await scheduleAppointment({
          dose: booking.dose,
          session_id: choice.session.session_id,
          slot,
          beneficiaries: booking.members.map((m) => m.beneficiary_reference_id),
          center_id: choice.centre.center_id,
          captcha: solved,
        });
        onDone(booked.appointment_confirmation_no);
      }
    } catch (error) {
      setBusy(false);
      const failure = failureOf(error);
      if (failure.kind === 'session-ended') return;
      // Right or wrong, a captcha is used up: a wrong one means a new picture.
      if (failure.kind === 'rejected' && failure.code === 'APPOIN0044') {
        await showCaptcha(captcha !== undefined);
        return;
      }
      setProblem(problemOf(failure));
      if (captcha !== undefined) await showCaptcha(false);
    }
  }

  const message = problem && {
    full: t('booking.sessionFull'),
    slot: t('booking.slotInvalid'),
    closed: t('booking.sessionClosed'),
    'unknown-session': t('booking.sessionUnknown'),
    exists: t('booking.appointmentExists'),
    'captcha-wrong': t('booking.captchaWrong'),
    'captcha-failed': t('booking.captchaFailed'),
    unavailable: t('common.unavailable'),
    gone: booking.rescheduleId ? t('booking.unknownAppointment') : t('booking.unknownMember'),
    'not-eligible': t('booking.notEligible', { message: 'message' in problem ? problem.message : '' }),
    other: 'message' in problem ? problem.message : '',
  }[problem.kind];
  const chooseAnother = problem && ['full', 'closed', 'unknown-session', 'not-eligible'].includes(problem.kind);

  return (
    <section className="step panel" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>{t('booking.stepConfirm')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('booking.people')}</dt>
          <dd>{booking.members.map((m) => m.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('booking.dose')}</dt>
          <dd>{booking.dose}</dd>
        </div>
        <div>
          <dt>{t('booking.vaccine')}</dt>
          <dd>{choice.session.vaccine}</dd>
        </div>
        <div>
          <dt>{t('booking.centre')}</dt>
          <dd>
            {choice.centre.name}
            <span className="facts-more">{choice.centre.address}, {choice.centre.pincode}</span>
          </dd>
        </div>
        <div>
          <dt>{t('booking.date')}</dt>
          <dd>{formatCowinDay(choice.session.date, language)}</dd>
        </div>
        <div>
          <dt>{t('booking.slot')}</dt>
          <dd className="slot-text">{slot}</dd>
        </div>
        <div>
          <dt>{t('booking.fee')}</dt>
          <dd>{fee === undefined ? t('booking.free') : t('booking.paid', { fee })}</dd>
        </div>
      </dl>
      <form className="citizen-form" onSubmit={(event) => void confirm(event)} noValidate>
        {captcha !== undefined && (
          <div className="captcha">
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha)}`} alt={t('booking.captchaAlt')} width={160} height={50} />
            <button type="button" className="link-button" onClick={() => void showCaptcha(false)}>{t('booking.captchaNew')}</button>
            <TextField
              id="captcha"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={10}
              className="field--short"
              label={t('booking.captchaLabel')}
              error={answerMissing ? t('booking.captchaMissing') : undefined}
              value={answer}
              onChange={(e) => {
                setAnswer(e.target.value);
                setAnswerMissing(false);
              }}
            />
          </div>
        )}
        <div role="alert" className="alert-region">
          {message && (
            <div className="notice notice--error">
              <p>{message}</p>
              {chooseAnother && <button type="button" onClick={onChooseAnother}>{t('booking.chooseAnother')}</button>}
              {problem.kind === 'slot' && <button type="button" onClick={onChangeSlot}>{t('booking.changeSlot')}</button>}
              {(problem.kind === 'exists' || problem.kind === 'gone') && <Link to="/family">{t('common.backToFamily')}</Link>}
            </div>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('booking.confirming') : booking.rescheduleId ? t('booking.confirmReschedule') : t('booking.confirm')}
          </button>
          <button type="button" onClick={onChangeSlot} disabled={busy}>{t('booking.changeSlot')}</button>
        </div>
      </form>
    </section>
  );
}
