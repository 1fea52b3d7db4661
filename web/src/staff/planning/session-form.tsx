import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { focusFirstError, SelectField, TextAreaField, TextField } from '../../citizen/form-fields.js';
import { ServerMessage } from '../server-message.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { refusalOf } from './field-refusal.js';
import type { CentreNote } from './page-notes.js';
import { createSession, updateSession, type CentreView, type SessionView, type VaccineView } from './planning-api.js';
import { agesText } from './planning-words.js';
import {
  agesKey, checkSession, sessionBodyOf, sessionChangesOf, sessionFieldOf, suggestedSlots, vaccinesForCentre, valuesOfSession,
  type SessionCheck, type SessionField, type SessionValues,
} from './session-values.js';

type Problem = { own: SessionCheck } | { server: string };

const order: readonly SessionField[] = ['date', 'vaccine', 'ages', 'capacity_dose1', 'capacity_dose2', 'walk_in_capacity', 'slots'];
const ids: Record<SessionField, string> = {
  date: 'session-date', vaccine: 'session-vaccine', ages: 'session-ages', capacity_dose1: 'session-dose1', capacity_dose2: 'session-dose2',
  walk_in_capacity: 'session-walk-ins', slots: 'session-slots',
};

interface SessionFormProps {
  centre: CentreView;
  catalogue: readonly VaccineView[];
  /** Undefined: a new session. */
  session: SessionView | undefined;
}

/** Plans a session at a centre, or changes one; what booked people were promised is explained up front. */
export function SessionForm({ centre, catalogue, session }: SessionFormProps) {
  const { t } = useStaffTranslation();
  const navigate = useNavigate();
  const vaccines = vaccinesForCentre(catalogue, centre.vaccines);
  const [values, setValues] = useState<SessionValues>(() => (session ? valuesOfSession(session) : {
    date: '', vaccine: vaccines.length === 1 ? vaccines[0]!.vaccine : '', ages: '', capacity_dose1: '', capacity_dose2: '', walk_in_capacity: '0',
    slots: suggestedSlots(centre.opens_at, centre.closes_at).join('\n'),
  }));
  const [problems, setProblems] = useState<Partial<Record<SessionField, Problem>>>({});
  const [notice, setNotice] = useState<'unavailable' | 'unchanged' | 'notFound' | { server: string }>();
  const [busy, setBusy] = useState(false);
  const ageRules = catalogue.find((v) => v.vaccine === values.vaccine)?.age_groups ?? [];
  const booked = session ? session.booked_dose1 + session.booked_dose2 + session.walk_ins : 0;

  function edit(change: Partial<SessionValues>, field: SessionField) {
    setValues((current) => ({ ...current, ...change }));
    setProblems((current) => ({ ...current, [field]: undefined }));
  }

  function chooseVaccine(name: string) {
    const rules = catalogue.find((v) => v.vaccine === name)?.age_groups ?? [];
    // Keep the age rule where the new vaccine has it too; a vaccine with one rule needs no choice.
    const kept = rules.some((g) => agesKey(g.min_age, g.max_age) === values.ages) ? values.ages : '';
    const only = rules.length === 1 ? agesKey(rules[0]!.min_age, rules[0]!.max_age) : '';
    setValues((current) => ({ ...current, vaccine: name, ages: kept || only }));
    setProblems((current) => ({ ...current, vaccine: undefined, ages: undefined }));
  }

  function show(found: Partial<Record<SessionField, Problem>>) {
    setProblems(found);
    focusFirstError(order, found, ids);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const checked = checkSession(values);
    if (Object.keys(checked).length > 0) {
      return show(Object.fromEntries(Object.entries(checked).map(([field, own]) => [field, { own }])) as Partial<Record<SessionField, Problem>>);
    }
    let saved: SessionView;
    setBusy(true);
    try {
      if (session) {
        const changes = sessionChangesOf(session, values);
        if (Object.keys(changes).length === 0) return setNotice('unchanged');
        saved = await updateSession(session.id, changes);
      } else saved = await createSession(centre.id, sessionBodyOf(values));
    } catch (error) {
      const refusal = refusalOf(error, sessionFieldOf);
      if (refusal.kind === 'field') show({ [refusal.field]: { server: refusal.message } });
      else if (refusal.kind === 'page') setNotice({ server: refusal.message });
      else if (refusal.kind === 'not-found') setNotice('notFound');
      else if (refusal.kind === 'unavailable') setNotice('unavailable');
      return undefined;
    } finally {
      setBusy(false);
    }
    const note: CentreNote = { kind: 'session-saved', created: session === undefined, vaccine: saved.vaccine, date: saved.date };
    navigate(`/staff/planning/centres/${centre.id}`, { replace: true, state: { note } });
    return undefined;
  }

  const errorOf = (field: SessionField) => {
    const problem = problems[field];
    if (problem === undefined) return undefined;
    return 'own' in problem ? t(`planning.sessionForm.problems.${problem.own}`) : <ServerMessage message={problem.server} />;
  };
  const number = (field: 'capacity_dose1' | 'capacity_dose2' | 'walk_in_capacity', label: string, hint?: string) => (
    <TextField
      id={ids[field]}
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      className="field--short"
      label={label}
      hint={hint}
      error={errorOf(field)}
      value={values[field]}
      onChange={(event) => edit({ [field]: event.target.value }, field)}
    />
  );

  return (
    <form className="citizen-form panel" onSubmit={(event) => void submit(event)} noValidate>
      {booked > 0 && <p className="notice notice--info">{t('planning.sessionForm.bookedNotice', { count: booked })}</p>}
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice === 'unavailable' ? t('common.unavailable')
              : notice === 'unchanged' ? t('planning.sessionForm.unchanged')
                : notice === 'notFound' ? t('planning.sessionForm.notFound') : <ServerMessage message={notice.server} />}
          </p>
        )}
      </div>
      <TextField
        id={ids.date}
        type="date"
        className="field--short"
        label={t('planning.sessionForm.date')}
        hint={t('planning.sessionForm.dateHint')}
        error={errorOf('date')}
        value={values.date}
        onChange={(event) => edit({ date: event.target.value }, 'date')}
      />
      <SelectField id={ids.vaccine} label={t('planning.sessionForm.vaccine')} error={errorOf('vaccine')} value={values.vaccine} onChange={(event) => chooseVaccine(event.target.value)}>
        <option value="">{t('planning.sessionForm.vaccineChoose')}</option>
        {vaccines.map((v) => <option key={v.vaccine} value={v.vaccine}>{v.vaccine}</option>)}
      </SelectField>
      <SelectField
        id={ids.ages}
        label={t('planning.sessionForm.ages')}
        hint={t('planning.sessionForm.agesHint')}
        error={errorOf('ages')}
        value={values.ages}
        onChange={(event) => edit({ ages: event.target.value }, 'ages')}
      >
        <option value="">{values.vaccine === '' ? t('planning.sessionForm.agesVaccineFirst') : t('planning.sessionForm.agesChoose')}</option>
        {ageRules.map((g) => {
          const key = agesKey(g.min_age, g.max_age);
          return <option key={key} value={key}>{agesText(t, { min: g.min_age, max: g.max_age })}</option>;
        })}
      </SelectField>
      {number('capacity_dose1', t('planning.sessionForm.dose1'), t('planning.sessionForm.capacityHint'))}
      {number('capacity_dose2', t('planning.sessionForm.dose2'), t('planning.sessionForm.capacityHint'))}
      {number('walk_in_capacity', t('planning.sessionForm.walkIns'), t('planning.sessionForm.walkInsHint'))}
      <TextAreaField
        id={ids.slots}
        rows={5}
        spellCheck={false}
        label={t('planning.sessionForm.slots')}
        hint={t('planning.sessionForm.slotsHint', { hours: `${centre.opens_at.slice(0, 5)}–${centre.closes_at.slice(0, 5)}` })}
        error={errorOf('slots')}
        value={values.slots}
        onChange={(event) => edit({ slots: event.target.value }, 'slots')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('planning.sessionForm.saving') : t('planning.sessionForm.save')}</button>
        <Link to={`/staff/planning/centres/${centre.id}`}>{t('planning.sessionForm.cancel')}</Link>
      </div>
    </form>
  );
}
