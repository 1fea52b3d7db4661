import { useState, type FormEvent } from 'react';
import type { AefiSymptom } from '../../../../src/modules/vaccination/aefi-schema.js';
import { describedBy, focusFirstError, RadioGroup, TextAreaField, TextField } from '../../citizen/form-fields.js';
import { todayInIndia } from '../../dates.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { reportEvent, type AefiCase } from './aefi-api.js';
import { outcomeName, outcomeOrder, severityName, severityOrder, symptomName, symptomOrder } from './aefi-words.js';
import { checkEvent, eventFieldOrder, eventProblemOf, onsetInstant, type EventDraft, type EventProblems, type Problem } from './event-checks.js';
import { problemText } from './problem-text.js';

/** The dose an event followed: an appointment done here today, or a certificate shown. */
export type DoseNamed = { appointment_id: string } | { certificate_uvci: string };

const focusIds = {
  severity: `aefi-severity-${severityOrder[0]}`, onsetDate: 'onset-date', onsetTime: 'onset-time',
  symptoms: `symptom-${symptomOrder[0]}`, outcome: `aefi-outcome-${outcomeOrder[0]}`, notes: 'aefi-notes',
};

/** Step 2: the event itself. Notes are for clinical facts: the page and the server refuse anything like a phone or ID number. */
export function EventForm({ dose, onReported }: { dose: DoseNamed; onReported: (reported: AefiCase) => void }) {
  const { t } = useStaffTranslation();
  const [draft, setDraft] = useState<EventDraft>({ severity: '', onsetDate: todayInIndia(), onsetTime: '', symptoms: [], outcome: '', notes: '' });
  const [problems, setProblems] = useState<EventProblems>({});
  const [formProblem, setFormProblem] = useState<Problem | 'unavailable'>();
  const [busy, setBusy] = useState(false);

  function update<K extends keyof EventDraft>(key: K, value: EventDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setProblems((current) => ({ ...current, [key]: undefined }));
  }

  function toggleSymptom(symptom: AefiSymptom, on: boolean) {
    const symptoms = on ? symptomOrder.filter((s) => s === symptom || draft.symptoms.includes(s)) : draft.symptoms.filter((s) => s !== symptom);
    update('symptoms', symptoms);
  }

  function show(found: EventProblems) {
    setProblems(found);
    focusFirstError(eventFieldOrder, found, focusIds);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormProblem(undefined);
    const found = checkEvent(draft);
    if (Object.values(found).some(Boolean) || draft.severity === '' || draft.outcome === '') return show(found);
    setBusy(true);
    try {
      const notes = draft.notes.trim();
      onReported(await reportEvent({
        ...dose, severity: draft.severity, onset_at: onsetInstant(draft.onsetDate, draft.onsetTime), symptoms: draft.symptoms,
        outcome: draft.outcome, ...(notes === '' ? {} : { notes }),
      }));
    } catch (error) {
      setBusy(false);
      const failure = staffFailureOf(error);
      if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return;
      if (failure.kind === 'unavailable') return setFormProblem('unavailable');
      const fields = failure.status === 400 ? eventProblemOf(failure.message) : undefined;
      if (fields) return show(fields);
      if (failure.code === 'NOT_FOUND') return setFormProblem('recordNotOpen');
      if (failure.code === 'NOT_VACCINATED') return setFormProblem('notVaccinated');
      setFormProblem({ server: failure.message });
    }
  }

  const symptomsError = problemText(t, problems.symptoms);
  return (
    <section className="step panel" aria-labelledby="event-heading">
      <h2 id="event-heading">{t('aefi.eventHeading')}</h2>
      <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <div className="severity-choices">
          <RadioGroup
            id="aefi-severity"
            name="aefi-severity"
            legend={t('aefi.severityLegend')}
            error={problemText(t, problems.severity)}
            options={severityOrder.map((value) => ({
              value,
              label: <span className="choice-text"><strong>{severityName(t, value)}</strong> <span className="hint">{t(`aefi.severityHints.${value}`)}</span></span>,
            }))}
            value={draft.severity}
            onChange={(value) => update('severity', value)}
          />
        </div>
        <div className="onset-fields">
          <TextField
            id="onset-date"
            name="onset-date"
            type="date"
            max={todayInIndia()}
            className="field--short"
            label={t('aefi.onsetDate')}
            error={problemText(t, problems.onsetDate)}
            value={draft.onsetDate}
            onChange={(event) => update('onsetDate', event.target.value)}
          />
          <TextField
            id="onset-time"
            name="onset-time"
            type="time"
            className="field--short"
            label={t('aefi.onsetTime')}
            hint={t('aefi.onsetTimeHint')}
            error={problemText(t, problems.onsetTime)}
            value={draft.onsetTime}
            onChange={(event) => update('onsetTime', event.target.value)}
          />
        </div>
        <fieldset className="choice-group" aria-describedby={describedBy('symptoms', t('aefi.symptomsHint'), symptomsError)}>
          <legend>{t('aefi.symptomsLegend')}</legend>
          <p id="symptoms-hint" className="hint">{t('aefi.symptomsHint')}</p>
          {symptomsError && <p id="symptoms-error" className="field-error">{symptomsError}</p>}
          <div className="choices">
            {symptomOrder.map((symptom) => (
              <label key={symptom} className="choice" htmlFor={`symptom-${symptom}`}>
                <input
                  type="checkbox"
                  id={`symptom-${symptom}`}
                  name="symptoms"
                  value={symptom}
                  checked={draft.symptoms.includes(symptom)}
                  onChange={(event) => toggleSymptom(symptom, event.target.checked)}
                  aria-invalid={symptomsError ? true : undefined}
                />
                <span>{symptomName(t, symptom)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <RadioGroup
          id="aefi-outcome"
          name="aefi-outcome"
          legend={t('aefi.outcomeLegend')}
          error={problemText(t, problems.outcome)}
          options={outcomeOrder.map((value) => ({ value, label: outcomeName(t, value) }))}
          value={draft.outcome}
          onChange={(value) => update('outcome', value)}
        />
        <TextAreaField
          id="aefi-notes"
          name="aefi-notes"
          rows={4}
          maxLength={500}
          label={t('aefi.notesLabel')}
          hint={<strong>{t('aefi.notesHint')}</strong>}
          error={problemText(t, problems.notes)}
          value={draft.notes}
          onChange={(event) => update('notes', event.target.value)}
        />
        <div role="alert" className="alert-region">
          {formProblem && (
            <p className="notice notice--error">{formProblem === 'unavailable' ? t('common.unavailable') : problemText(t, formProblem)}</p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('aefi.submitting') : t('aefi.submit')}</button>
        </div>
      </form>
    </section>
  );
}
