import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalisePincode } from './search.js';

interface PinSearchFormProps {
  pincode: string | undefined;
  onSearch: (pincode: string) => void;
}

export function PinSearchForm({ pincode, onSearch }: PinSearchFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(pincode ?? '');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // The back button changes the search in the address bar; the field follows it.
  useEffect(() => setText(pincode ?? ''), [pincode]);

  function submitPincode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = normalisePincode(text);
    setInvalid(wanted === undefined);
    if (wanted === undefined) {
      // Focus brings the field's error (through aria-describedby) to screen-reader users at once.
      input.current?.focus();
      return;
    }
    onSearch(wanted);
  }

  return (
    <form className="search-form" onSubmit={submitPincode} noValidate aria-labelledby="pin-search-heading">
      <h2 id="pin-search-heading" className="search-form-heading">{t('search.byPin')}</h2>
      <div className="field">
        <label htmlFor="pincode">{t('search.pinLabel')}</label>
        <p id="pincode-hint" className="hint">{t('search.pinHint')}</p>
        {invalid && <p id="pincode-error" className="field-error">{t('search.pinInvalid')}</p>}
        <div className="inline-controls">
          <input
            ref={input}
            id="pincode"
            name="pincode"
            type="text"
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={7}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? 'pincode-error pincode-hint' : 'pincode-hint'}
          />
          <button type="submit" className="primary">{t('search.submit')}</button>
        </div>
      </div>
    </form>
  );
}
