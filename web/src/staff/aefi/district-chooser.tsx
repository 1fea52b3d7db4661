import { useState, type FormEvent } from 'react';
import { SelectField } from '../../citizen/form-fields.js';
import { useDistricts, useStates } from '../../find-centre/use-places.js';
import { useStaffTranslation } from '../staff-i18n.js';

interface DistrictChooserProps {
  /** A state administrator's own state; a national administrator chooses the state first. */
  fixedStateId: number | undefined;
  stateId: number | undefined;
  districtId: number | undefined;
  onChoose: (stateId: number, districtId: number) => void;
}

/**
 * For administrators above a district: which district's cases to show. The lists are the public
 * ones of states and districts; the server answers 404 for a district outside their area.
 */
export function DistrictChooser({ fixedStateId, stateId: shownState, districtId: shownDistrict, onChoose }: DistrictChooserProps) {
  const { t } = useStaffTranslation();
  const [stateId, setStateId] = useState(fixedStateId ?? shownState);
  const [districtId, setDistrictId] = useState(shownDistrict);
  const [missing, setMissing] = useState(false);
  const states = useStates();
  const districts = useDistricts(stateId);
  const failed = (fixedStateId === undefined && states.status === 'failed') || districts.status === 'failed';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = districts.items.some((d) => d.district_id === districtId) ? districtId : undefined;
    setMissing(chosen === undefined);
    if (stateId === undefined || chosen === undefined) {
      document.getElementById(stateId === undefined ? 'aefi-state' : 'aefi-district')?.focus();
      return;
    }
    onChoose(stateId, chosen);
  }

  return (
    <form className="citizen-form panel place-chooser" onSubmit={submit} noValidate>
      {fixedStateId === undefined && (
        <SelectField
          id="aefi-state"
          name="aefi-state"
          label={t('aefi.stateLabel')}
          value={stateId ?? ''}
          onChange={(event) => {
            setStateId(Number(event.target.value) || undefined);
            setDistrictId(undefined);
          }}
        >
          <option value="">{states.status === 'loading' ? t('aefi.placesLoading') : t('aefi.stateChoose')}</option>
          {states.items.map((state) => <option key={state.state_id} value={state.state_id}>{state.state_name}</option>)}
        </SelectField>
      )}
      <SelectField
        id="aefi-district"
        name="aefi-district"
        label={t('aefi.districtLabel')}
        error={missing ? t('aefi.districtMissing') : undefined}
        value={districtId ?? ''}
        onChange={(event) => {
          setDistrictId(Number(event.target.value) || undefined);
          setMissing(false);
        }}
      >
        <option value="">{districts.status === 'loading' ? t('aefi.placesLoading') : t('aefi.districtChoose')}</option>
        {districts.items.map((district) => <option key={district.district_id} value={district.district_id}>{district.district_name}</option>)}
      </SelectField>
      {failed && (
        <div role="alert" className="notice notice--error">
          <p>{t('aefi.placesFailed')}</p>
          <button type="button" onClick={() => { states.retry(); districts.retry(); }}>{t('common.retry')}</button>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">{t('aefi.show')}</button>
      </div>
    </form>
  );
}
