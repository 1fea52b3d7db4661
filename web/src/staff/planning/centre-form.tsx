import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { focusFirstError, RadioGroup, TextField } from '../../citizen/form-fields.js';
import { ServerMessage } from '../server-message.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import {
  bodyOf, cappedFees, centreFieldOf, changesOf, checkCentre, emptyCentre, offeredVaccines, valuesOf, type CentreCheck, type CentreField, type CentreValues,
} from './centre-values.js';
import { refusalOf } from './field-refusal.js';
import { feeInputId, OfferedVaccines, vaccineBoxId } from './offered-vaccines.js';
import type { CentreNote } from './page-notes.js';
import { createCentre, updateCentre, type CentreView, type SavedCentre, type VaccineView } from './planning-api.js';

type Problem = { own: CentreCheck } | { server: string };
type TextKey = 'centre_name' | 'address' | 'block_name' | 'pincode' | 'lat' | 'long' | 'opens_at' | 'closes_at';

export type CentreFormMode = { kind: 'create'; districtId: number; districtName: string } | { kind: 'edit'; centre: CentreView };

const fieldIds: Record<Exclude<CentreField, `fee:${string}`>, string> = {
  centre_name: 'centre-name', address: 'centre-address', district_id: 'centre-district', block_name: 'centre-block', pincode: 'centre-pincode', lat: 'centre-lat',
  long: 'centre-long', opens_at: 'centre-opens', closes_at: 'centre-closes', ownership: 'centre-ownership-Govt', fee_type: 'centre-fee-type-Free',
  vaccines: vaccineBoxId(0),
};

/** Creates a centre in the chosen district, or edits one; the server's refusals land next to their field. */
export function CentreForm({ mode, catalogue }: { mode: CentreFormMode; catalogue: readonly VaccineView[] }) {
  const { t } = useStaffTranslation();
  const navigate = useNavigate();
  const { role } = useStaffProfile();
  const [values, setValues] = useState<CentreValues>(mode.kind === 'edit' ? valuesOf(mode.centre) : emptyCentre);
  const [problems, setProblems] = useState<Partial<Record<CentreField, Problem>>>({});
  const [notice, setNotice] = useState<'unavailable' | 'unchanged' | 'notFound' | { server: string }>();
  const [busy, setBusy] = useState(false);
  // A centre administrator runs one centre and may not change who owns it.
  const ownershipFixed = mode.kind === 'edit' && role === 'facility_admin';

  const order: CentreField[] = [
    'centre_name', 'address', 'district_id', 'block_name', 'pincode', 'lat', 'long', 'opens_at', 'closes_at', 'ownership', 'fee_type', 'vaccines',
    ...catalogue.map((v) => `fee:${v.vaccine}` as const),
  ];
  const ids: Partial<Record<CentreField, string>> = { ...fieldIds };
  catalogue.forEach((v, i) => { ids[`fee:${v.vaccine}`] = feeInputId(i); });

  function edit(change: Partial<CentreValues>, ...cleared: CentreField[]) {
    setValues((current) => ({ ...current, ...change }));
    setProblems((current) => {
      const next = { ...current };
      for (const field of cleared) delete next[field];
      return next;
    });
  }

  function show(found: Partial<Record<CentreField, Problem>>) {
    setProblems(found);
    focusFirstError(order, found, ids);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const checked = checkCentre(values);
    if (Object.keys(checked).length > 0) {
      return show(Object.fromEntries(Object.entries(checked).map(([field, own]) => [field, { own }])) as Partial<Record<CentreField, Problem>>);
    }
    const sent = offeredVaccines(values);
    let saved: SavedCentre;
    setBusy(true);
    try {
      if (mode.kind === 'create') saved = await createCentre(bodyOf(values, mode.districtId));
      else {
        const changes = changesOf(mode.centre, values);
        if (Object.keys(changes).length === 0) return setNotice('unchanged');
        saved = await updateCentre(mode.centre.id, changes);
      }
    } catch (error) {
      const refusal = refusalOf(error, (named) => centreFieldOf(named, sent));
      if (refusal.kind === 'field') show({ [refusal.field]: { server: refusal.message } });
      else if (refusal.kind === 'page') setNotice({ server: refusal.message });
      else if (refusal.kind === 'not-found') setNotice('notFound');
      else if (refusal.kind === 'unavailable') setNotice('unavailable');
      return undefined;
    } finally {
      setBusy(false);
    }
    const note: CentreNote = { kind: 'centre-saved', created: mode.kind === 'create', capped: cappedFees(saved.notices, sent, saved.centre) };
    navigate(`/staff/planning/centres/${saved.centre.id}`, { replace: true, state: { note } });
    return undefined;
  }

  const errorOf = (field: CentreField) => {
    const problem = problems[field];
    if (problem === undefined) return undefined;
    return 'own' in problem ? t(`planning.centreForm.problems.${problem.own}`) : <ServerMessage message={problem.server} />;
  };
  const text = (key: TextKey, id: string, extra: { label: string; hint?: string; className?: string; inputMode?: 'numeric' | 'decimal'; type?: string; maxLength?: number }) => (
    <TextField
      id={id}
      autoComplete="off"
      {...extra}
      error={errorOf(key)}
      value={values[key]}
      onChange={(event) => edit({ [key]: event.target.value }, key)}
    />
  );
  const cancelTo = mode.kind === 'edit' ? `/staff/planning/centres/${mode.centre.id}` : '/staff/planning';

  return (
    <form className="citizen-form panel" onSubmit={(event) => void submit(event)} noValidate>
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice === 'unavailable' ? t('common.unavailable')
              : notice === 'unchanged' ? t('planning.centreForm.unchanged')
                : notice === 'notFound' ? t('planning.centreForm.notFound') : <ServerMessage message={notice.server} />}
          </p>
        )}
      </div>
      <div className="field" id="centre-district" tabIndex={-1} aria-describedby={errorOf('district_id') ? 'centre-district-error' : undefined}>
        <p>
          <span className="muted">{t('planning.centreForm.district')}: </span>
          {mode.kind === 'create' ? mode.districtName : `${mode.centre.district_name}, ${mode.centre.state_name}`}
        </p>
        {errorOf('district_id') && <p id="centre-district-error" className="field-error">{errorOf('district_id')}</p>}
      </div>
      {text('centre_name', 'centre-name', { label: t('planning.centreForm.name'), hint: t('planning.centreForm.nameHint'), maxLength: 120 })}
      {text('address', 'centre-address', { label: t('planning.centreForm.address'), maxLength: 300 })}
      {text('block_name', 'centre-block', { label: t('planning.centreForm.block'), hint: t('planning.centreForm.blockHint'), maxLength: 80 })}
      {text('pincode', 'centre-pincode', { label: t('planning.centreForm.pincode'), inputMode: 'numeric', maxLength: 6, className: 'field--short' })}
      <div className="planning-pair">
        {text('lat', 'centre-lat', { label: t('planning.centreForm.lat'), hint: t('planning.centreForm.latHint'), inputMode: 'decimal', maxLength: 12, className: 'field--short' })}
        {text('long', 'centre-long', { label: t('planning.centreForm.long'), hint: t('planning.centreForm.longHint'), inputMode: 'decimal', maxLength: 12, className: 'field--short' })}
      </div>
      <div className="planning-pair">
        {text('opens_at', 'centre-opens', { label: t('planning.centreForm.opens'), type: 'time', className: 'field--short' })}
        {text('closes_at', 'centre-closes', { label: t('planning.centreForm.closes'), type: 'time', className: 'field--short' })}
      </div>
      {ownershipFixed ? (
        <p><span className="muted">{t('planning.centreForm.ownership')}: </span>{t(`planning.ownership.${mode.centre.ownership}`)}</p>
      ) : (
        <RadioGroup<'Govt' | 'Private'>
          id="centre-ownership"
          name="ownership"
          legend={t('planning.centreForm.ownership')}
          inline
          error={errorOf('ownership')}
          options={[{ value: 'Govt', label: t('planning.ownership.Govt') }, { value: 'Private', label: t('planning.ownership.Private') }]}
          value={values.ownership}
          onChange={(ownership) => edit({ ownership }, 'ownership', 'fee_type')}
        />
      )}
      <RadioGroup<'Free' | 'Paid'>
        id="centre-fee-type"
        name="fee_type"
        legend={t('planning.centreForm.feeType')}
        hint={t('planning.centreForm.feeTypeHint')}
        inline
        error={errorOf('fee_type')}
        options={[{ value: 'Free', label: t('planning.feeType.Free') }, { value: 'Paid', label: t('planning.feeType.Paid') }]}
        value={values.fee_type}
        onChange={(feeType) => edit({ fee_type: feeType }, 'fee_type')}
      />
      <OfferedVaccines
        catalogue={catalogue}
        offered={values.offered}
        fees={values.fees}
        paid={values.fee_type === 'Paid'}
        error={errorOf('vaccines')}
        feeError={(vaccine) => errorOf(`fee:${vaccine}`)}
        onToggle={(vaccine, on) => edit(
          { offered: catalogue.map((v) => v.vaccine).filter((name) => (name === vaccine ? on : values.offered.includes(name))) },
          'vaccines', `fee:${vaccine}`,
        )}
        onFee={(vaccine, fee) => edit({ fees: { ...values.fees, [vaccine]: fee } }, `fee:${vaccine}`)}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('planning.centreForm.saving') : t('planning.centreForm.save')}</button>
        <Link to={cancelTo}>{t('planning.centreForm.cancel')}</Link>
      </div>
    </form>
  );
}
