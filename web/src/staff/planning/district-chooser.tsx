import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { SelectField } from '../../citizen/form-fields.js';
import { useDistricts, useStates } from '../../find-centre/use-places.js';
import { useStaffTranslation } from '../staff-i18n.js';

export interface ChosenDistrict {
  stateId: number;
  districtId: number;
  districtName: string;
}

interface DistrictChooserProps {
  /** A state administrator's own state: only its districts are offered. Undefined: every state (national). */
  ownState: number | undefined;
  chosen: { stateId: number | undefined; districtId: number | undefined };
  onChoose: (chosen: ChosenDistrict) => void;
}

/**
 * Which district's centres to plan, for administrators of a state or of the nation: the public
 * list of states and districts, limited to the administrator's own state where they have one.
 */
export function DistrictChooser({ ownState, chosen, onChoose }: DistrictChooserProps) {
  const { t } = useStaffTranslation();
  const [stateId, setStateId] = useState(ownState ?? chosen.stateId);
  const [districtId, setDistrictId] = useState(chosen.districtId);
  const [missing, setMissing] = useState<'state' | 'district'>();
  const states = useStates();
  const districts = useDistricts(stateId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const district = districts.items.find((d) => d.district_id === districtId);
    const nowMissing = stateId === undefined ? 'state' : district === undefined ? 'district' : undefined;
    setMissing(nowMissing);
    if (nowMissing) requestAnimationFrame(() => document.getElementById(`choose-${nowMissing}`)?.focus());
    else if (stateId !== undefined && district) onChoose({ stateId, districtId: district.district_id, districtName: district.district_name });
  }

  // Having picked a district from the keyboard, people press Enter and expect the list.
  function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const failed = states.status === 'failed' || districts.status === 'failed';
  return (
    <form className="citizen-form panel" onSubmit={submit} onKeyDown={submitOnEnter} noValidate>
      {ownState === undefined && (
        <SelectField
          id="choose-state"
          label={t('planning.centres.state')}
          error={missing === 'state' ? t('planning.centres.stateMissing') : undefined}
          value={stateId ?? ''}
          onChange={(event) => {
            setStateId(Number(event.target.value) || undefined);
            setDistrictId(undefined);
            setMissing(undefined);
          }}
        >
          <option value="">{states.status === 'loading' ? t('common.loading') : t('planning.centres.chooseState')}</option>
          {states.items.map((state) => <option key={state.state_id} value={state.state_id}>{state.state_name}</option>)}
        </SelectField>
      )}
      <SelectField
        id="choose-district"
        label={t('planning.centres.district')}
        error={missing === 'district' ? t('planning.centres.districtMissing') : undefined}
        value={districtId ?? ''}
        onChange={(event) => {
          setDistrictId(Number(event.target.value) || undefined);
          setMissing(undefined);
        }}
      >
        <option value="">
          {stateId === undefined ? t('planning.centres.chooseStateFirst')
            : districts.status === 'loading' ? t('common.loading') : t('planning.centres.chooseDistrict')}
        </option>
        {districts.items.map((district) => <option key={district.district_id} value={district.district_id}>{district.district_name}</option>)}
      </SelectField>
      {failed && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={states.status === 'failed' ? states.retry : districts.retry}>{t('common.retry')}</button>
        </div>
      )}
      <button type="submit" className="primary">{t('planning.centres.show')}</button>
    </form>
  );
}
