import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { failureOf, fetchCorrections, requestCorrection } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { fieldErrorText, type FieldProblem } from '../field-errors.js';
import { focusFirstError, RadioGroup, SelectField, TextAreaField, TextField } from '../form-fields.js';
import type { CorrectionField, CorrectionView } from '../my-data/my-data-types.js';
import { PageHeading } from '../page-heading.js';
import { useFamily } from '../use-family.js';
import { genderLabel, idTypeLabel, useRegistrationLists } from '../use-registration-lists.js';
import { EarlierRequests } from './earlier-requests.js';

const correctionFields: readonly CorrectionField[] = ['name', 'birth_year', 'gender', 'photo_id'];
type FormField = 'field' | 'requested_value' | 'reason';
const fieldOrder: readonly FormField[] = ['field', 'requested_value', 'reason'];
// modules/beneficiaries/corrections.ts MAX_REASON
const MAX_REASON = 500;

type Problems = Partial<Record<FormField, FieldProblem | 'missing'>>;

/** Which field a refusal names: its own codes for the field and reason, the registration codes for the value. */
function formFieldOf(code: string): FormField | undefined {
  if (code === 'CORRECTION_FIELD') return 'field';
  if (code === 'CORRECTION_REASON') return 'reason';
  return code === 'NOT_FOUND' || code === 'INVALID_INPUT' ? undefined : 'requested_value';
}

export function CorrectionPage() {
  const { t, language } = useCitizenTranslation();
  usePageTitle(t('correction.title'));
  const { referenceId = '' } = useParams();
  const { family, reload } = useFamily();
  const { lists } = useRegistrationLists();
  const [field, setField] = useState<CorrectionField | ''>('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [formProblem, setFormProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string>();
  const [earlier, setEarlier] = useState<CorrectionView[]>([]);
  const [listed, setListed] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchCorrections(controller.signal).then(
      (response) => setEarlier(response.corrections.filter((c) => c.beneficiary_reference_id === referenceId)),
      // The list is a convenience; the form works without it.
      () => undefined,
    );
    return () => controller.abort();
  }, [referenceId, listed]);

  const member = family.status === 'loaded' ? family.members.find((m) => m.beneficiary_reference_id === referenceId) : undefined;
  const genders = lists.status === 'loaded' ? lists.lists.genders : [];

  async function submitCorrection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormProblem(undefined);
    setSent(undefined);
    const found: Problems = {};
    if (!field) found.field = 'missing';
    if (value.trim() === '') found.requested_value = 'missing';
    if (reason.trim() === '') found.reason = 'missing';
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(fieldOrder, found, { field: 'field-name' });
      return;
    }
    if (!field) return;
    setBusy(true);
    try {
      const created = await requestCorrection({ beneficiary_reference_id: referenceId, field, requested_value: value.trim(), reason: reason.trim() });
      setSent(created.id);
      setField('');
      setValue('');
      setReason('');
      setListed((n) => n + 1);
      requestAnimationFrame(() => document.getElementById('correction-sent')?.focus());
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind === 'session-ended') return;
      if (failure.kind !== 'rejected') {
        setFormProblem(t('common.unavailable'));
        return;
      }
      const named = formFieldOf(failure.code);
      if (named) {
        const serverProblems: Problems = { [named]: { code: failure.code, fallback: failure.message } };
        setProblems(serverProblems);
        focusFirstError(fieldOrder, serverProblems, { field: 'field-name' });
      } else {
        setFormProblem(failure.code === 'NOT_FOUND' ? t('booking.unknownMember') : failure.message);
      }
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (name: FormField) => {
    const problem = problems[name];
    if (!problem) return undefined;
    if (problem !== 'missing') return fieldErrorText(t, problem);
    return { field: t('correction.fieldMissing'), requested_value: t('correction.valueMissing'), reason: t('correction.reasonMissing') }[name];
  };
  const current = member && field ? {
    name: member.name,
    birth_year: member.birth_year,
    gender: genderLabel(lists, member.gender, language),
    photo_id: `${idTypeLabel(lists, member.photo_id_type, language)} ${member.photo_id_number}`,
  }[field] : undefined;

  return (
    <div className="citizen-page citizen-page--narrow">
      <p className="back-link"><Link to="/family">{t('common.backToFamily')}</Link></p>
      <div className="intro">
        <PageHeading>{t('correction.heading')}</PageHeading>
        {member && <p>{t('correction.intro', { name: member.name })}</p>}
      </div>
      <div role="status" className="status-region">{family.status === 'loading' && <p>{t('booking.loading')}</p>}</div>
      {family.status === 'failed' && family.failure.kind !== 'session-ended' && (
        <div className="notice notice--error" role="alert">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {family.status === 'loaded' && !member && (
        <div className="notice notice--error" role="alert">
          <p>{t('booking.unknownMember')}</p>
          <Link to="/family">{t('common.backToFamily')}</Link>
        </div>
      )}
      <p id="correction-sent" tabIndex={-1} role="status" className={sent ? 'notice notice--done' : 'status-region'}>
        {sent && t('correction.sent', { id: sent })}
      </p>
      {member && (
        <form className="citizen-form panel" onSubmit={(event) => void submitCorrection(event)} noValidate>
          <RadioGroup
            id="field"
            name="field"
            legend={t('correction.field')}
            error={errorOf('field')}
            options={correctionFields.map((f) => ({ value: f, label: t(`correction.fields.${f}`) }))}
            value={field}
            onChange={(next) => {
              setField(next);
              setValue('');
              setProblems((p) => ({ ...p, field: undefined, requested_value: undefined }));
            }}
          />
          {field === 'gender' ? (
            <SelectField
              id="requested_value"
              label={t('correction.value')}
              hint={current && t('correction.now', { value: current })}
              error={errorOf('requested_value')}
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setProblems((p) => ({ ...p, requested_value: undefined }));
              }}
            >
              <option value="">{t('correction.chooseGender')}</option>
              {genders.map((g) => <option key={g.id} value={g.id}>{language === 'hi' ? g.gender_l : g.gender}</option>)}
            </SelectField>
          ) : (
            <TextField
              id="requested_value"
              label={t('correction.value')}
              hint={[current && t('correction.now', { value: current }), field && t(`correction.valueHint.${field}`)].filter(Boolean).join(' · ') || undefined}
              error={errorOf('requested_value')}
              autoComplete="off"
              inputMode={field === 'birth_year' ? 'numeric' : 'text'}
              maxLength={field === 'birth_year' ? 4 : 100}
              className={field === 'birth_year' ? 'field--short' : undefined}
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setProblems((p) => ({ ...p, requested_value: undefined }));
              }}
            />
          )}
          <TextAreaField
            id="reason"
            label={t('correction.reason')}
            hint={t('correction.reasonHint')}
            error={errorOf('reason')}
            rows={3}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setProblems((p) => ({ ...p, reason: undefined }));
            }}
          />
          <div role="alert" className="alert-region">{formProblem && <p className="notice notice--error">{formProblem}</p>}</div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>{busy ? t('correction.sending') : t('correction.submit')}</button>
          </div>
        </form>
      )}
      {member && earlier.length > 0 && <EarlierRequests name={member.name} requests={earlier} />}
    </div>
  );
}
