import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { focusFirstError, TextField } from '../../citizen/form-fields.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { changePassword } from '../account-api.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffSession } from '../staff-session.js';
import { newPasswordProblem, problemOfServerReason, type NewPasswordProblem } from './password-rules.js';

type Field = 'current' | 'next' | 'confirm';
interface Problems {
  current?: 'currentMissing' | 'wrongCurrent';
  next?: NewPasswordProblem | { server: string };
  confirm?: 'mismatch';
}

const order: readonly Field[] = ['current', 'next', 'confirm'];
const ids: Record<Field, string> = { current: 'current-password', next: 'new-password', confirm: 'confirm-password' };

/** Replaces the one-time password with one of the person's own; until then no other page opens. */
export function PasswordPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('password.title'));
  const { username } = useStaffProfile();
  const session = useStaffSession();
  const oneTime = session.status === 'signed-in' && session.mustChangePassword;
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', confirm: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [unavailable, setUnavailable] = useState(false);

  function edit(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => ({ ...current, [field]: undefined }));
  }

  function show(found: Problems) {
    setProblems(found);
    focusFirstError(order, found, ids);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUnavailable(false);
    const found: Problems = {};
    if (values.current === '') found.current = 'currentMissing';
    const weak = newPasswordProblem(username, values.next, values.current);
    if (weak) found.next = weak;
    else if (values.confirm !== values.next) found.confirm = 'mismatch';
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    try {
      await changePassword(values.current, values.next);
      void navigate('/staff', { replace: true, state: { passwordChanged: true } });
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'WRONG_PASSWORD') show({ current: 'wrongCurrent' });
      else if (failure.kind === 'rejected' && failure.code === 'WEAK_PASSWORD') show({ next: problemOfServerReason(failure.message) ?? { server: failure.message } });
      else setUnavailable(true);
      setBusy(false);
    }
  }

  const nextError = problems.next === undefined ? undefined
    : typeof problems.next === 'string' ? t(`password.${problems.next}`) : <ServerMessage message={problems.next.server} />;
  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{oneTime ? t('password.heading') : t('password.changeHeading')}</PageHeading>
        <p>{oneTime ? t('password.intro') : t('password.changeIntro')}</p>
      </div>
      <div role="alert" className="alert-region">
        {unavailable && <p className="notice notice--error">{t('common.unavailable')}</p>}
      </div>
      <form className="citizen-form panel" onSubmit={(event) => void submit(event)} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <TextField
          id={ids.current}
          type="password"
          autoComplete="current-password"
          label={oneTime ? t('password.current') : t('password.currentOwn')}
          hint={oneTime ? t('password.currentHint') : undefined}
          error={problems.current && t(`password.${problems.current}`)}
          value={values.current}
          onChange={(event) => edit('current', event.target.value)}
        />
        <TextField
          id={ids.next}
          type="password"
          autoComplete="new-password"
          label={t('password.next')}
          hint={t('password.nextHint')}
          error={nextError}
          value={values.next}
          onChange={(event) => edit('next', event.target.value)}
        />
        <TextField
          id={ids.confirm}
          type="password"
          autoComplete="new-password"
          label={t('password.confirm')}
          error={problems.confirm && t(`password.${problems.confirm}`)}
          value={values.confirm}
          onChange={(event) => edit('confirm', event.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('password.submitting') : t('password.submit')}</button>
      </form>
    </div>
  );
}
