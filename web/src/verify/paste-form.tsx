import { useState, type FormEvent } from 'react';
import { MAX_QR_LENGTH } from './verify-api.js';
import { useVerifyText } from './verify-text.js';

/**
 * The QR code's text, pasted: for a screen reader user who cannot aim a camera, for a code already
 * read by another app, and for tests.
 */
export function PasteForm({ onSubmit }: { onSubmit: (text: string) => void }) {
  const { text } = useVerifyText();
  const [qr, setQr] = useState('');
  const [error, setError] = useState<'missing' | 'tooLong' | undefined>(undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = qr.trim();
    const problem = trimmed === '' ? 'missing' : trimmed.length > MAX_QR_LENGTH ? 'tooLong' : undefined;
    setError(problem);
    if (problem) {
      document.getElementById('verify-text')?.focus();
      return;
    }
    onSubmit(trimmed);
  }

  return (
    <section className="verify-method verify-panel" aria-labelledby="verify-paste-heading">
      <h2 id="verify-paste-heading">{text.paste.heading}</h2>
      <form className="verify-form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="verify-text">{text.paste.label}</label>
          <p id="verify-text-hint" className="hint">{text.paste.hint}</p>
          {error && <p id="verify-text-error" className="field-error">{text.paste[error]}</p>}
          <textarea
            id="verify-text"
            rows={4}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            value={qr}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'verify-text-hint verify-text-error' : 'verify-text-hint'}
            onChange={(event) => setQr(event.target.value)}
          />
        </div>
        <button type="submit" className="primary">{text.paste.submit}</button>
      </form>
    </section>
  );
}
