import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDistricts, useStates } from './use-places.js';

interface DistrictSearchFormProps {
  stateId: number | undefined;
  districtId: number | undefined;
  onSearch: (stateId: number, districtId: number) => void;
}

type Missing = 'state' | 'district' | undefined;

export function DistrictSearchForm(props: DistrictSearchFormProps) {
  const { t } = useTranslation();
  const [stateId, setStateId] = useState(props.stateId);
  const [districtId, setDistrictId] = useState(props.districtId);
  const [missing, setMissing] = useState<Missing>();
  const states = useStates();
  const districts = useDistricts(stateId);
  const stateSelect = useRef<HTMLSelectElement>(null);
  const districtSelect = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    setStateId(props.stateId);
    setDistrictId(props.districtId);
  }, [props.stateId, props.districtId]);

  function submitDistrict(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nowMissing: Missing = stateId === undefined ? 'state' : districtId === undefined ? 'district' : undefined;
    setMissing(nowMissing);
    if (nowMissing === 'state') stateSelect.current?.focus();
    else if (nowMissing === 'district') districtSelect.current?.focus();
    else if (stateId !== undefined && districtId !== undefined) props.onSearch(stateId, districtId);
  }

  // Enter submits from a text field but not from a select; having just picked a district from
  // the keyboard, people press Enter and expect the search to start.
  function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const placesFailed = states.status === 'failed' || districts.status === 'failed';
  const describedBy = (field: Missing) => (missing === field ? 'district-error' : undefined);

  // The selects stay enabled while lists load: a disabled control drops out of the Tab order, and a
  // keyboard user who tabs on quickly would skip the district altogether.
  return (
    <form className="search-form" onSubmit={submitDistrict} onKeyDown={submitOnEnter} noValidate aria-labelledby="district-search-heading">
      <h2 id="district-search-heading" className="search-form-heading">{t('search.byDistrict')}</h2>
      {missing && <p id="district-error" className="field-error">{t('search.districtMissing')}</p>}
      <div className="field">
        <label htmlFor="state">{t('search.state')}</label>
        <select
          ref={stateSelect}
          id="state"
          name="state"
          value={stateId ?? ''}
          onChange={(event) => {
            setStateId(Number(event.target.value) || undefined);
            setDistrictId(undefined);
          }}
          aria-invalid={missing === 'state' || undefined}
          aria-describedby={describedBy('state')}
        >
          <option value="">{states.status === 'loading' ? t('search.loadingStates') : t('search.chooseState')}</option>
          {states.items.map((state) => (
            <option key={state.state_id} value={state.state_id}>{state.state_name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="district">{t('search.district')}</label>
        <select
          ref={districtSelect}
          id="district"
          name="district"
          value={districtId ?? ''}
          onChange={(event) => setDistrictId(Number(event.target.value) || undefined)}
          aria-invalid={missing === 'district' || undefined}
          aria-describedby={describedBy('district')}
        >
          <option value="">
            {stateId === undefined
              ? t('search.chooseStateFirst')
              : districts.status === 'loading' ? t('search.loadingDistricts') : t('search.chooseDistrict')}
          </option>
          {districts.items.map((district) => (
            <option key={district.district_id} value={district.district_id}>{district.district_name}</option>
          ))}
        </select>
      </div>
      {placesFailed && (
        <div className="notice notice--error">
          <p>{t('search.placesFailed')}</p>
          <button type="button" onClick={states.status === 'failed' ? states.retry : districts.retry}>
            {t('search.retry')}
          </button>
        </div>
      )}
      <button type="submit" className="primary">{t('search.submit')}</button>
    </form>
  );
}
