import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SelectField } from '../../citizen/form-fields.js';
import { DistrictChooser, type ChosenDistrict } from '../planning/district-chooser.js';
import { fetchCentres } from '../planning/planning-api.js';
import { useLoad } from '../planning/use-load.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';

export interface ChosenPlace {
  stateId: number | undefined;
  districtId: number | undefined;
  centreId: number | undefined;
}

interface CentreChooserProps {
  chosen: ChosenPlace;
  onChooseDistrict: (district: ChosenDistrict) => void;
  onChooseCentre: (centreId: number) => void;
}

/**
 * Which centre's stock to show, for administrators above one centre: the planning section's
 * district chooser (state and national administrators), then the district's centres by name.
 * The server lists only districts in the administrator's area, and answers 404 for any other.
 */
export function CentreChooser({ chosen, onChooseDistrict, onChooseCentre }: CentreChooserProps) {
  const { scope } = useStaffProfile();
  return (
    <>
      {scope.level !== 'district' && (
        <DistrictChooser
          key={`${chosen.stateId ?? ''}-${chosen.districtId ?? ''}`}
          ownState={scope.level === 'state' ? scope.state_id : undefined}
          chosen={chosen}
          onChoose={onChooseDistrict}
        />
      )}
      {chosen.districtId !== undefined && (
        <DistrictCentres key={chosen.districtId} districtId={chosen.districtId} centreId={chosen.centreId} onChoose={onChooseCentre} />
      )}
    </>
  );
}

function DistrictCentres({ districtId, centreId, onChoose }: { districtId: number; centreId: number | undefined; onChoose: (centreId: number) => void }) {
  const { t } = useStaffTranslation();
  const { state, reload } = useLoad(String(districtId), (signal) => fetchCentres(districtId, signal));
  const [picked, setPicked] = useState(centreId);
  const [missing, setMissing] = useState(false);
  // Back and Forward change the centre in the address; the list follows.
  useEffect(() => setPicked(centreId), [centreId]);
  const centres = state.kind === 'loaded' ? [...state.value].sort((a, b) => a.centre_name.localeCompare(b.centre_name, 'en')) : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const centre = centres.find((c) => c.id === picked);
    setMissing(centre === undefined);
    if (centre) onChoose(centre.id);
    else requestAnimationFrame(() => document.getElementById('choose-centre')?.focus());
  }

  // As in the district chooser: having picked from the keyboard, Enter shows the stock.
  function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  if (state.kind === 'not-found') return <p className="notice notice--error">{t('stock.districtNotFound')}</p>;
  if (state.kind === 'loaded' && centres.length === 0) return <p className="empty-state">{t('stock.centresEmpty')}</p>;
  return (
    <form className="citizen-form panel" onSubmit={submit} onKeyDown={submitOnEnter} noValidate>
      <SelectField
        id="choose-centre"
        label={t('stock.centreLabel')}
        error={missing ? t('stock.centreMissing') : undefined}
        value={picked ?? ''}
        disabled={state.kind !== 'loaded'}
        onChange={(event) => {
          setPicked(Number(event.target.value) || undefined);
          setMissing(false);
        }}
      >
        <option value="">{state.kind === 'loading' ? t('common.loading') : t('stock.centreChoose')}</option>
        {centres.map((centre) => (
          <option key={centre.id} value={centre.id}>{t('stock.centreOption', { name: centre.centre_name, block: centre.block_name, id: centre.id })}</option>
        ))}
      </SelectField>
      {state.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      <button type="submit" className="primary">{t('stock.show')}</button>
    </form>
  );
}
