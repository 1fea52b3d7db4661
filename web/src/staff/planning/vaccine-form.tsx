import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { focusFirstError, TextField } from '../../citizen/form-fields.js';
import { ServerMessage } from '../server-message.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { refusalOf } from './field-refusal.js';
import type { VaccinesNote } from './page-notes.js';
import { updateVaccine, type UpdatedVaccine, type VaccineChanges, type VaccineView } from './planning-api.js';
import { agesText } from './planning-words.js';

type Field = 'manufacturer' | 'dose2_after_days' | 'precaution_after_days' | 'private_price_cap' | 'eu_dcc.vp' | 'eu_dcc.mp' | 'eu_dcc.ma' | 'cvx_code';
type Check = 'manufacturerMissing' | 'daysFormat' | 'capFormat' | 'codeMissing' | 'cvxFormat';
type Problem = { own: Check } | { server: string };

const order: readonly Field[] = ['manufacturer', 'dose2_after_days', 'precaution_after_days', 'private_price_cap', 'eu_dcc.vp', 'eu_dcc.mp', 'eu_dcc.ma', 'cvx_code'];
const elementIdOf = (field: Field) => `vaccine-${field.replace(/[._]/g, '-')}`;
const ids = Object.fromEntries(order.map((field) => [field, elementIdOf(field)])) as Record<Field, string>;

function valuesOf(v: VaccineView): Record<Field, string> {
  return {
    manufacturer: v.manufacturer, dose2_after_days: String(v.dose2_after_days), precaution_after_days: String(v.precaution_after_days),
    private_price_cap: String(v.private_price_cap), 'eu_dcc.vp': v.eu_dcc.vp, 'eu_dcc.mp': v.eu_dcc.mp, 'eu_dcc.ma': v.eu_dcc.ma, cvx_code: v.cvx_code ?? '',
  };
}

function checkValues(values: Record<Field, string>): Partial<Record<Field, Check>> {
  const found: Partial<Record<Field, Check>> = {};
  if (values.manufacturer.trim() === '') found.manufacturer = 'manufacturerMissing';
  for (const field of ['dose2_after_days', 'precaution_after_days'] as const) if (!/^\d{1,4}$/.test(values[field].trim())) found[field] = 'daysFormat';
  if (!/^\d{1,6}$/.test(values.private_price_cap.trim())) found.private_price_cap = 'capFormat';
  for (const field of ['eu_dcc.vp', 'eu_dcc.mp', 'eu_dcc.ma'] as const) if (values[field].trim() === '') found[field] = 'codeMissing';
  if (!/^(\d{1,3})?$/.test(values.cvx_code.trim())) found.cvx_code = 'cvxFormat';
  return found;
}

/** What changed, as the catalogue takes it: the three EU DCC codes travel together. */
function changesOf(before: VaccineView, values: Record<Field, string>): VaccineChanges {
  const changes: VaccineChanges = {};
  if (values.manufacturer.trim() !== before.manufacturer) changes.manufacturer = values.manufacturer.trim();
  if (Number(values.dose2_after_days) !== before.dose2_after_days) changes.dose2_after_days = Number(values.dose2_after_days);
  if (Number(values.precaution_after_days) !== before.precaution_after_days) changes.precaution_after_days = Number(values.precaution_after_days);
  if (Number(values.private_price_cap) !== before.private_price_cap) changes.private_price_cap = Number(values.private_price_cap);
  const euDcc = { vp: values['eu_dcc.vp'].trim(), mp: values['eu_dcc.mp'].trim(), ma: values['eu_dcc.ma'].trim() };
  if (JSON.stringify(euDcc) !== JSON.stringify(before.eu_dcc)) changes.eu_dcc = euDcc;
  const cvx = values.cvx_code.trim() === '' ? null : values.cvx_code.trim();
  if (cvx !== before.cvx_code) changes.cvx_code = cvx;
  return changes;
}

/** The national administrator's edit of one vaccine; its name stays, since every record names vaccines by it. */
export function VaccineForm({ vaccine }: { vaccine: VaccineView }) {
  const { t } = useStaffTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(() => valuesOf(vaccine));
  const [problems, setProblems] = useState<Partial<Record<Field, Problem>>>({});
  const [notice, setNotice] = useState<'unavailable' | 'unchanged' | { server: string }>();
  const [busy, setBusy] = useState(false);

  function show(found: Partial<Record<Field, Problem>>) {
    setProblems(found);
    focusFirstError(order, found, ids);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const checked = checkValues(values);
    if (Object.keys(checked).length > 0) return show(Object.fromEntries(Object.entries(checked).map(([f, own]) => [f, { own }])));
    const changes = changesOf(vaccine, values);
    if (Object.keys(changes).length === 0) return setNotice('unchanged');
    let saved: UpdatedVaccine;
    setBusy(true);
    try {
      saved = await updateVaccine(vaccine.vaccine, changes);
    } catch (error) {
      const refusal = refusalOf(error, (named) => order.find((field) => field === named));
      if (refusal.kind === 'field') show({ [refusal.field]: { server: refusal.message } });
      else if (refusal.kind === 'page' || refusal.kind === 'not-found') setNotice({ server: refusal.kind === 'page' ? refusal.message : t('planning.vaccineForm.notFound') });
      else if (refusal.kind === 'unavailable') setNotice('unavailable');
      return undefined;
    } finally {
      setBusy(false);
    }
    const note: VaccinesNote = { kind: 'vaccine-saved', vaccine: saved.vaccine.vaccine, feesCapped: saved.fees_capped };
    navigate('/staff/planning/vaccines', { replace: true, state: { note } });
    return undefined;
  }

  const field = (name: Field, label: string, extra: { hint?: string; inputMode?: 'numeric'; maxLength?: number; short?: boolean } = {}) => {
    const problem = problems[name];
    return (
      <TextField
        id={ids[name]}
        autoComplete="off"
        spellCheck={false}
        label={label}
        hint={extra.hint}
        inputMode={extra.inputMode}
        maxLength={extra.maxLength}
        className={extra.short ? 'field--short' : undefined}
        error={problem && ('own' in problem ? t(`planning.vaccineForm.problems.${problem.own}`) : <ServerMessage message={problem.server} />)}
        value={values[name]}
        onChange={(event) => {
          setValues((current) => ({ ...current, [name]: event.target.value }));
          setProblems((current) => ({ ...current, [name]: undefined }));
        }}
      />
    );
  };

  return (
    <form className="citizen-form panel" onSubmit={(event) => void submit(event)} noValidate>
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice === 'unavailable' ? t('common.unavailable') : notice === 'unchanged' ? t('planning.vaccineForm.unchanged') : <ServerMessage message={notice.server} />}
          </p>
        )}
      </div>
      {field('manufacturer', t('planning.vaccines.manufacturer'), { maxLength: 120 })}
      <p><span className="muted">{t('planning.vaccines.doses')}: </span>{vaccine.doses_in_series}</p>
      {field('dose2_after_days', t('planning.vaccineForm.dose2After'), { hint: t('planning.vaccineForm.dose2AfterHint'), inputMode: 'numeric', maxLength: 4, short: true })}
      {field('precaution_after_days', t('planning.vaccineForm.precautionAfter'), { hint: t('planning.vaccineForm.precautionAfterHint'), inputMode: 'numeric', maxLength: 4, short: true })}
      {field('private_price_cap', t('planning.vaccineForm.cap'), { hint: t('planning.vaccineForm.capHint'), inputMode: 'numeric', maxLength: 6, short: true })}
      <fieldset className="choice-group">
        <legend>{t('planning.vaccineForm.euDcc')}</legend>
        <p className="hint">{t('planning.vaccineForm.euDccHint')}</p>
        {field('eu_dcc.vp', t('planning.vaccines.vp'), { maxLength: 50 })}
        {field('eu_dcc.mp', t('planning.vaccines.mp'), { maxLength: 50 })}
        {field('eu_dcc.ma', t('planning.vaccines.ma'), { maxLength: 50 })}
      </fieldset>
      {field('cvx_code', t('planning.vaccines.cvx'), { hint: t('planning.vaccineForm.cvxHint'), inputMode: 'numeric', maxLength: 3, short: true })}
      <p>
        <span className="muted">{t('planning.vaccines.ages')}: </span>
        {vaccine.age_groups.map((g) => agesText(t, { min: g.min_age, max: g.max_age })).join('; ')}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('planning.vaccineForm.saving') : t('planning.vaccineForm.save')}</button>
        <Link to="/staff/planning/vaccines">{t('planning.vaccineForm.cancel')}</Link>
      </div>
    </form>
  );
}
