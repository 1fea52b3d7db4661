import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../citizen/form-fields.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { normaliseCode } from './setup-key.js';

type CodeProblem = 'missing' | 'format' | 'wrong';

interface CodeFormProps {
  busy: boolean;
  /** Counts the server's "wrong code" answers, so each one clears the field and refocuses it. */
  wrong: number;
  /** The step opens with focus here (the code step), or leaves it to the step's heading (enrolment). */
  autoFocus: boolean;
  describedBy?: string;
  onSubmit: (code: string) => void;
}

/** The 6-digit authenticator code, for both the usual second step and the first code at enrolment. */
export function CodeForm({ busy, wrong, autoFocus, describedBy, onSubmit }: CodeFormProps) {
  const { t } = useStaffTranslation();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<CodeProblem>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (wrong === 0) return;
    setTyped('');
    setProblem('wrong');
    input.current?.focus();
  }, [wrong]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = normaliseCode(typed);
    const found: CodeProblem | undefined = typed.trim() === '' ? 'missing' : code === undefined ? 'format' : undefined;
    setProblem(found);
    if (found || !code) {
      input.current?.focus();
      return;
    }
    onSubmit(code);
  }

  const errors = { missing: t('signIn.codeMissing'), format: t('signIn.codeFormat'), wrong: t('signIn.codeWrong') };
  return (
    <form className="citizen-form" onSubmit={submit} noValidate>
      <TextField
        ref={input}
        id="totp-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        className="field--short"
        label={t('signIn.codeLabel')}
        hint={t('signIn.codeHint')}
        error={problem && errors[problem]}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setProblem(undefined);
        }}
        aria-describedby={[problem ? 'totp-code-error' : '', 'totp-code-hint', describedBy ?? ''].filter(Boolean).join(' ')}
      />
      <button type="submit" className="primary" disabled={busy}>{busy ? t('signIn.verifying') : t('signIn.verify')}</button>
    </form>
  );
}
