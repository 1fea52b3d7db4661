import { useState, type FormEvent } from 'react';
import type { AefiOutcome, AefiSeverity } from '../../../../src/modules/vaccination/aefi-schema.js';
import { focusFirstError, RadioGroup, SelectField, TextAreaField } from '../../citizen/form-fields.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { followUpCase, type AefiCase } from './aefi-api.js';
import { outcomeName, outcomeOrder, severityName, severityOrder } from './aefi-words.js';
import { eventProblemOf, notesProblem, type Problem } from './event-checks.js';
import { problemText } from './problem-text.js';

type Field = 'outcome' | 'severity' | 'notes';
const order: readonly Field[] = ['outcome', 'severity', 'notes'];
const ids: Record<Field, string> = { outcome: `follow-up-outcome-${outcomeOrder[0]}`, severity: 'follow-up-severity', notes: 'follow-up-notes' };

/** A new outcome (and severity, if it changed) for a case, added to its history. */
export function FollowUpForm({ found, onSaved }: { found: AefiCase; onSaved: (found: AefiCase) => void }) {
  const { t } = useStaffTranslation();
  const [outcome, setOutcome] = useState<AefiOutcome | ''>('');
  const [severity, setSeverity] = useState<AefiSeverity | ''>('');
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, Problem>>>({});
  const [formProblem, setFormProblem] = useState<Problem | 'unavailable'>();
  const [saved, setSaved] = useState(0);
  const [busy, setBusy] = useState(false);

  function show(found: Partial<Record<Field, Problem>>) {
    setProblems(found);
    focusFirstError(order, found, ids);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormProblem(undefined);
    const local: Partial<Record<Field, Problem>> = {};
    if (outcome === '') local.outcome = 'outcomeMissing';
    const notesWrong = notesProblem(notes, false);
    if (notesWrong) local.notes = notesWrong;
    if (outcome === '' || notesWrong) return show(local);
    setBusy(true);
    try {
      const text = notes.trim();
      onSaved(await followUpCase(found.case_id, { outcome, ...(severity === '' ? {} : { severity }), ...(text === '' ? {} : { notes: text }) }));
      setOutcome('');
      setSeverity('');
      setNotes('');
      setProblems({});
      setSaved((n) => n + 1);
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return;
      const fields = failure.kind === 'rejected' && failure.status === 400 ? eventProblemOf(failure.message) : undefined;
      const mine = fields && { outcome: fields.outcome, severity: fields.severity, notes: fields.notes };
      if (mine && Object.values(mine).some(Boolean)) show(mine);
      else if (failure.kind === 'unavailable') setFormProblem('unavailable');
      else if (failure.kind === 'rejected' && failure.code === 'NOT_FOUND') setFormProblem('caseNotFound');
      else if (failure.kind === 'rejected') setFormProblem({ server: failure.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="step panel" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{t('aefi.followUpHeading')}</h2>
      <p>{t('aefi.followUpIntro')}</p>
      <div role="status" className="status-region">
        {saved > 0 && <p className="notice notice--done">{t('aefi.followedUp')}</p>}
      </div>
      <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <RadioGroup<AefiOutcome>
          id="follow-up-outcome"
          name="follow-up-outcome"
          legend={t('aefi.outcomeLegend')}
          error={problemText(t, problems.outcome)}
          options={outcomeOrder.map((value) => ({ value, label: outcomeName(t, value) }))}
          value={outcome}
          onChange={(value) => {
            setOutcome(value);
            setProblems((current) => ({ ...current, outcome: undefined }));
          }}
        />
        <SelectField
          id={ids.severity}
          name="follow-up-severity"
          label={t('aefi.followUpSeverity')}
          error={problemText(t, problems.severity)}
          value={severity}
          onChange={(event) => {
            setSeverity(event.target.value as AefiSeverity | '');
            setProblems((current) => ({ ...current, severity: undefined }));
          }}
        >
          <option value="">{t('aefi.severityUnchanged', { severity: severityName(t, found.severity) })}</option>
          {severityOrder.map((value) => <option key={value} value={value}>{severityName(t, value)}</option>)}
        </SelectField>
        <TextAreaField
          id={ids.notes}
          name="follow-up-notes"
          rows={3}
          maxLength={500}
          label={t('aefi.notesLabel')}
          hint={t('aefi.notesHint')}
          error={problemText(t, problems.notes)}
          value={notes}
          onChange={(event) => {
            setNotes(event.target.value);
            setProblems((current) => ({ ...current, notes: undefined }));
          }}
        />
        <div role="alert" className="alert-region">
          {formProblem && (
            <p className="notice notice--error">{formProblem === 'unavailable' ? t('common.unavailable') : problemText(t, formProblem)}</p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('aefi.followUpSaving') : t('aefi.followUpSubmit')}</button>
        </div>
      </form>
    </section>
  );
}
