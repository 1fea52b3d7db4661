import { useEffect, useRef, useState, type FormEvent } from 'react';
import { focusFirstError, TextField } from '../../citizen/form-fields.js';
import { useStaffTranslation } from '../staff-i18n.js';

type Field = 'username' | 'password';
type Problems = Partial<Record<Field, 'missing' | 'wrong'>>;

interface PasswordFormProps {
  busy: boolean;
  /** The server said the username or password is wrong: counted as the password's problem. */
  wrong: number;
  onSubmit: (username: string, password: string) => void;
}

const order: readonly Field[] = ['username', 'password'];

export function PasswordForm({ busy, wrong, onSubmit }: PasswordFormProps) {
  const { t } = useStaffTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const passwordInput = useRef<HTMLInputElement>(null);

  // A wrong password is typed again from scratch, with the error read out from the field.
  useEffect(() => {
    if (wrong === 0) return;
    setPassword('');
    setProblems({ password: 'wrong' });
    passwordInput.current?.focus();
  }, [wrong]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Problems = {};
    if (username.trim() === '') found.username = 'missing';
    if (password === '') found.password = 'missing';
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstError(order, found, { username: 'staff-username', password: 'staff-password' });
    onSubmit(username.trim(), password);
  }

  const text = {
    username: { missing: t('signIn.usernameMissing'), wrong: undefined },
    password: { missing: t('signIn.passwordMissing'), wrong: t('signIn.wrongCredentials') },
  };
  return (
    <form className="citizen-form" onSubmit={submit} noValidate>
      <TextField
        id="staff-username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={100}
        label={t('signIn.username')}
        error={problems.username && text.username[problems.username]}
        value={username}
        onChange={(event) => {
          setUsername(event.target.value);
          setProblems((current) => ({ ...current, username: undefined }));
        }}
      />
      <TextField
        ref={passwordInput}
        id="staff-password"
        name="password"
        type="password"
        autoComplete="current-password"
        maxLength={256}
        label={t('signIn.password')}
        error={problems.password && text.password[problems.password]}
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          setProblems((current) => ({ ...current, password: undefined }));
        }}
      />
      <button type="submit" className="primary" disabled={busy}>{busy ? t('signIn.submitting') : t('signIn.submit')}</button>
    </form>
  );
}
