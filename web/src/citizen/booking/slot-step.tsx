import { useState, type FormEvent } from 'react';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { RadioGroup } from '../form-fields.js';
import { ChosenSession, type Choice } from './chosen-session.js';

interface SlotStepProps {
  choice: Choice;
  slot: string | undefined;
  onChoose: (slot: string) => void;
  onBack: () => void;
}

export function SlotStep({ choice, slot: initial, onChoose, onBack }: SlotStepProps) {
  const { t } = useCitizenTranslation();
  const [slot, setSlot] = useState(initial ?? '');
  const [missing, setMissing] = useState(false);

  function submitSlot(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!slot) {
      setMissing(true);
      document.getElementById(`slot-${choice.session.slots[0] ?? ''}`)?.focus();
      return;
    }
    onChoose(slot);
  }

  return (
    <section className="step panel" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>{t('booking.stepSlot')}</h2>
      <ChosenSession choice={choice} />
      <form className="citizen-form" onSubmit={submitSlot} noValidate>
        <RadioGroup
          id="slot"
          name="slot"
          legend={t('booking.slotLegend')}
          error={missing ? t('booking.slotMissing') : undefined}
          options={choice.session.slots.map((s) => ({ value: s, label: <span className="slot-text">{s}</span> }))}
          value={slot}
          onChange={(value) => {
            setSlot(value);
            setMissing(false);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="primary">{t('booking.continue')}</button>
          <button type="button" onClick={onBack}>{t('booking.backToCentres')}</button>
        </div>
      </form>
    </section>
  );
}
