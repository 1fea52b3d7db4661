import type { ReactNode } from 'react';
import { describedBy, TextField } from '../../citizen/form-fields.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { VaccineView } from './planning-api.js';

interface OfferedVaccinesProps {
  catalogue: readonly VaccineView[];
  offered: readonly string[];
  fees: Record<string, string>;
  paid: boolean;
  error: ReactNode;
  feeError: (vaccine: string) => ReactNode;
  onToggle: (vaccine: string, on: boolean) => void;
  onFee: (vaccine: string, fee: string) => void;
}

export const vaccineBoxId = (index: number) => `centre-vaccine-${index}`;
export const feeInputId = (index: number) => `centre-fee-${index}`;

/** The vaccines a centre gives, each with its fee per dose at a Paid centre and the national cap beside it. */
export function OfferedVaccines({ catalogue, offered, fees, paid, error, feeError, onToggle, onFee }: OfferedVaccinesProps) {
  const { t } = useStaffTranslation();
  const id = 'centre-vaccines';
  return (
    <fieldset className="choice-group" aria-describedby={describedBy(id, t('planning.centreForm.vaccinesHint'), error)}>
      <legend>{t('planning.centreForm.vaccines')}</legend>
      <p id={`${id}-hint`} className="hint">{t('planning.centreForm.vaccinesHint')}</p>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      <div className="planning-offered">
        {catalogue.map((vaccine, index) => {
          const on = offered.includes(vaccine.vaccine);
          return (
            <div key={vaccine.vaccine} className="planning-offer">
              <label className="choice" htmlFor={vaccineBoxId(index)}>
                <input
                  type="checkbox"
                  id={vaccineBoxId(index)}
                  checked={on}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => onToggle(vaccine.vaccine, event.target.checked)}
                />
                <span>{vaccine.vaccine}</span>
              </label>
              {on && paid && (
                <TextField
                  id={feeInputId(index)}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={6}
                  className="field--short"
                  label={t('planning.centreForm.fee', { vaccine: vaccine.vaccine })}
                  hint={t('planning.centreForm.feeHint', { cap: vaccine.private_price_cap })}
                  error={feeError(vaccine.vaccine)}
                  value={fees[vaccine.vaccine] ?? ''}
                  onChange={(event) => onFee(vaccine.vaccine, event.target.value)}
                />
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
