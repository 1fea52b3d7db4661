import { useState, type FormEvent } from 'react';
import { TextField } from '../../citizen/form-fields.js';
import { useStaffTranslation } from '../staff-i18n.js';

/**
 * For administrators above one centre: which centre's stock to show. The server answers 404 for
 * a centre outside their area, exactly as for one that does not exist.
 */
export function CentrePicker({ notFound, onEdit, onChoose }: { notFound: boolean; onEdit: () => void; onChoose: (facilityId: number) => void }) {
  const { t } = useStaffTranslation();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<'centreMissing' | 'centreFormat'>();
  const shown = problem ?? (notFound ? 'centreNotFound' : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = typed.trim();
    const found = text === '' ? 'centreMissing' : /^\d{1,9}$/.test(text) && Number(text) > 0 ? undefined : 'centreFormat';
    setProblem(found);
    if (found) return document.getElementById('centre-id')?.focus();
    onChoose(Number(text));
  }

  return (
    <form className="citizen-form panel" onSubmit={submit} noValidate>
      <TextField
        id="centre-id"
        name="centre-id"
        inputMode="numeric"
        autoComplete="off"
        maxLength={9}
        className="field--short"
        label={t('stock.centreLabel')}
        hint={t('stock.centreHint')}
        error={shown && t(`stock.${shown}`)}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setProblem(undefined);
          onEdit();
        }}
      />
      <button type="submit" className="primary">{t('stock.show')}</button>
    </form>
  );
}
