import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkMember, type MemberDraft, type MemberProblems } from '../../citizen/add-member/member-checks.js';
import { PersonFields } from '../../citizen/add-member/person-fields.js';
import { useCitizenTranslation } from '../../citizen/citizen-i18n.js';
import { fieldErrorText, type MemberField } from '../../citizen/field-errors.js';
import { focusFirstError, RadioGroup, TextField } from '../../citizen/form-fields.js';
import { currentYearInIndia } from '../../citizen/format.js';
import { normaliseOtp } from '../../citizen/login/mobile-number.js';
import { useRegistrationLists } from '../../citizen/use-registration-lists.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { registerWalkIn, walkInPersonOf, type RegisteredWalkIn, type WalkInSession } from './walk-in-api.js';
import { fitsSession, registerProblemOf, type CodeGone, type OtpProblem, type SessionProblem } from './walk-in-problems.js';

type Field = 'otp' | 'session' | MemberField;
interface Problems extends MemberProblems {
  otp?: OtpProblem;
  session?: SessionProblem;
}

const order: readonly Field[] = ['otp', 'session', 'name', 'birth_year', 'gender_id', 'photo_id_type', 'photo_id_number', 'comorbidity', 'consent'];

export interface WalkInDraft {
  member: MemberDraft;
  sessionId: string;
}

interface DetailsStepProps {
  token: string;
  sessions: readonly WalkInSession[];
  /** Kept by the page, so that a new code does not mean typing everything again. */
  draft: WalkInDraft;
  onDraft: (update: (draft: WalkInDraft) => WalkInDraft) => void;
  onNewCode: () => void;
  onSessionsChanged: () => void;
  onRegistered: (registered: RegisteredWalkIn) => void;
}

/**
 * Step 2: the code the person reads out, one of today's sessions and their details. The server
 * checks the fields before the code, so a mistake there costs no try of the code.
 */
export function DetailsStep({ token, sessions, draft, onDraft, onNewCode, onSessionsChanged, onRegistered }: DetailsStepProps) {
  const { t } = useStaffTranslation();
  const { t: ct } = useCitizenTranslation();
  const { lists, retry } = useRegistrationLists();
  const [otp, setOtp] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [codeGone, setCodeGone] = useState<CodeGone>();
  const [formProblem, setFormProblem] = useState<'unavailable' | { message: string }>();
  const [busy, setBusy] = useState(false);
  const otpInput = useRef<HTMLInputElement>(null);
  const newCodeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => otpInput.current?.focus(), []);

  const loaded = lists.status === 'loaded' ? lists.lists : undefined;
  const focusIds: Partial<Record<Field, string>> = {
    otp: 'walk-in-otp',
    session: `walk-in-session-${sessions[0]?.session_id ?? ''}`,
    gender_id: `gender_id-${loaded?.genders[0]?.id ?? ''}`,
    comorbidity: 'comorbidity-Y',
  };

  function show(found: Problems) {
    setProblems(found);
    focusFirstError(order, found, focusIds);
  }

  function updateMember<K extends keyof MemberDraft>(key: K, value: MemberDraft[K], field: MemberField) {
    onDraft((current) => ({ ...current, member: { ...current.member, [key]: value } }));
    // An error stays until its field changes, so nobody reads a stale one.
    setProblems((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }

  function checkLocally(digits: string | undefined): Problems {
    const year = currentYearInIndia();
    const found: Problems = checkMember(draft.member, year);
    if (otp.trim() === '') found.otp = { kind: 'missing' };
    else if (!digits) found.otp = { kind: 'format' };
    const session = sessions.find((s) => s.session_id === draft.sessionId);
    if (!session) found.session = 'missing';
    else if (!found.birth_year && !fitsSession(session, Number(draft.member.birthYear.trim()), year)) found.session = 'age';
    return found;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormProblem(undefined);
    const digits = normaliseOtp(otp);
    const found = checkLocally(digits);
    if (Object.values(found).some(Boolean) || !digits) return show(found);
    setBusy(true);
    try {
      onRegistered(await registerWalkIn(token, digits, draft.sessionId, walkInPersonOf(draft.member)));
    } catch (error) {
      setBusy(false);
      const problem = registerProblemOf(staffFailureOf(error));
      if (!problem) return;
      switch (problem.kind) {
        case 'member': return show({ [problem.field]: problem.problem });
        case 'alreadyRegistered':
          setCodeGone('used');
          return show({ photo_id_number: { code: 'ALREADY_REGISTERED' } });
        case 'otp':
          setOtp('');
          return show({ otp: problem.problem });
        case 'session':
          if (problem.problem === 'full') {
            onDraft((current) => ({ ...current, sessionId: '' }));
            onSessionsChanged();
          }
          return show({ session: problem.problem });
        case 'codeGone':
          setCodeGone(problem.reason);
          requestAnimationFrame(() => newCodeButton.current?.focus());
          return;
        case 'unavailable': return setFormProblem('unavailable');
        case 'server': return setFormProblem({ message: problem.message });
      }
    }
  }

  const memberError = (field: MemberField) => {
    const problem = problems[field];
    if (!problem) return undefined;
    return problem.code === 'ALREADY_REGISTERED' ? t('walkIn.alreadyRegistered') : fieldErrorText(ct, problem);
  };
  const otpError = (problem: OtpProblem | undefined) => {
    if (!problem) return undefined;
    if (problem.kind === 'missing') return t('walkIn.otpMissing');
    if (problem.kind === 'format') return t('walkIn.otpFormat');
    return problem.triesLeft === undefined ? <ServerMessage message={problem.message} /> : t('walkIn.wrongOtp', { count: problem.triesLeft });
  };
  const sessionError = problems.session && {
    missing: t('walkIn.sessionMissing'), full: t('walkIn.sessionFull'), age: t('walkIn.sessionAge'),
  }[problems.session];
  const ages = (session: WalkInSession) => (session.max_age_limit === null
    ? t('walkIn.agesFrom', { min: session.min_age_limit })
    : t('walkIn.agesBetween', { min: session.min_age_limit, max: session.max_age_limit }));

  return (
    <section className="step panel" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('walkIn.detailsHeading')}</h2>
      <p><button type="button" className="link-button" onClick={onNewCode}>{t('walkIn.otherMobile')}</button></p>
      {lists.status === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>{ct('member.listsFailed')}</p>
          <button type="button" onClick={retry}>{t('common.retry')}</button>
        </div>
      )}
      <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <TextField
          ref={otpInput}
          id="walk-in-otp"
          name="walk-in-otp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          className="field--short"
          label={t('walkIn.otpLabel')}
          hint={t('walkIn.otpHint')}
          error={otpError(problems.otp)}
          value={otp}
          onChange={(event) => {
            setOtp(event.target.value);
            setProblems((current) => ({ ...current, otp: undefined }));
          }}
        />
        <RadioGroup
          id="walk-in-session"
          name="walk-in-session"
          legend={t('walkIn.sessionLegend')}
          hint={t('walkIn.sessionHint')}
          error={sessionError}
          options={sessions.map((s) => ({ value: s.session_id, label: t('walkIn.sessionOption', { vaccine: s.vaccine, ages: ages(s), count: s.walk_ins_left }) }))}
          value={draft.sessionId}
          onChange={(sessionId) => {
            onDraft((current) => ({ ...current, sessionId }));
            setProblems((current) => ({ ...current, session: undefined }));
          }}
        />
        <fieldset className="person-fields">
          <legend>{t('walkIn.personHeading')}</legend>
          <PersonFields draft={draft.member} lists={loaded} error={memberError} onChange={updateMember} />
        </fieldset>
        <div role="alert" className="alert-region">
          {codeGone && <p className="notice notice--error">{t(`walkIn.codeGone.${codeGone}`)}</p>}
          {formProblem && (
            <p className="notice notice--error">
              {formProblem === 'unavailable' ? t('common.unavailable') : <ServerMessage message={formProblem.message} />}
            </p>
          )}
        </div>
        <div className="form-actions">
          {codeGone
            ? <button ref={newCodeButton} type="button" className="primary" onClick={onNewCode}>{t('walkIn.sendNewCode')}</button>
            : <button type="submit" className="primary" disabled={busy}>{busy ? t('walkIn.registering') : t('walkIn.register')}</button>}
        </div>
      </form>
    </section>
  );
}
