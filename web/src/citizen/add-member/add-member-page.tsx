import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { failureOf, registerMember } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { fieldErrorText, memberFieldOf, type MemberField } from '../field-errors.js';
import type { FamilyPageState } from '../family/family-page.js';
import { describedBy, focusFirstError, RadioGroup, SelectField, TextField } from '../form-fields.js';
import { currentYearInIndia } from '../format.js';
import { PageHeading } from '../page-heading.js';
import { useRegistrationLists } from '../use-registration-lists.js';
import { AADHAAR, checkMember, emptyDraft, registrationOf, type MemberDraft, type MemberProblems } from './member-checks.js';

const fieldOrder: readonly MemberField[] = ['name', 'birth_year', 'gender_id', 'photo_id_type', 'photo_id_number', 'comorbidity', 'consent'];

export function AddMemberPage() {
  const { t, language } = useCitizenTranslation();
  usePageTitle(t('member.title'));
  const navigate = useNavigate();
  const { lists, retry } = useRegistrationLists();
  const [draft, setDraft] = useState<MemberDraft>(emptyDraft);
  const [problems, setProblems] = useState<MemberProblems>({});
  const [formProblem, setFormProblem] = useState<'limit' | 'unavailable' | { message: string }>();
  const [busy, setBusy] = useState(false);

  // The first radio of a group stands for the group when focus goes to an error.
  const genders = lists.status === 'loaded' ? lists.lists.genders : [];
  const focusIds: Partial<Record<MemberField, string>> = {
    gender_id: `gender_id-${genders[0]?.id ?? ''}`,
    comorbidity: 'comorbidity-Y',
  };

  function update<K extends keyof MemberDraft>(key: K, value: MemberDraft[K], field: MemberField) {
    setDraft((current) => ({ ...current, [key]: value }));
    // An error stays until the field changes, so nobody reads a stale one.
    setProblems((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }

  async function submitMember(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormProblem(undefined);
    const found = checkMember(draft, currentYearInIndia());
    setProblems(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstError(fieldOrder, found, focusIds);
      return;
    }
    setBusy(true);
    try {
      await registerMember(registrationOf(draft));
      const state: FamilyPageState = { notice: { kind: 'added', name: draft.name.trim() } };
      void navigate('/family', { state });
    } catch (error) {
      setBusy(false);
      const failure = failureOf(error);
      if (failure.kind === 'session-ended') return;
      if (failure.kind !== 'rejected') {
        setFormProblem('unavailable');
        return;
      }
      const field = memberFieldOf(failure.code);
      if (field) {
        const serverProblems = { [field]: { code: failure.code, fallback: failure.message } };
        setProblems(serverProblems);
        focusFirstError(fieldOrder, serverProblems, focusIds);
      } else {
        setFormProblem(failure.code === 'MEMBER_LIMIT' ? 'limit' : { message: failure.message });
      }
    }
  }

  const error = (field: MemberField) => {
    const problem = problems[field];
    return problem ? fieldErrorText(t, problem) : undefined;
  };
  const idTypes = lists.status === 'loaded' ? lists.lists.idTypes : [];

  return (
    <div className="citizen-page citizen-page--narrow">
      <p className="back-link"><Link to="/family">{t('common.backToFamily')}</Link></p>
      <div className="intro">
        <PageHeading>{t('member.heading')}</PageHeading>
        <p>{t('member.intro')}</p>
      </div>
      {lists.status === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>{t('member.listsFailed')}</p>
          <button type="button" onClick={retry}>{t('common.retry')}</button>
        </div>
      )}
      <form className="citizen-form panel" onSubmit={(event) => void submitMember(event)} noValidate aria-busy={busy}>
        <TextField
          id="name"
          name="name"
          autoComplete="off"
          maxLength={100}
          label={t('member.name')}
          hint={t('member.nameHint')}
          error={error('name')}
          value={draft.name}
          onChange={(e) => update('name', e.target.value, 'name')}
        />
        <TextField
          id="birth_year"
          name="birth_year"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          className="field--short"
          label={t('member.birthYear')}
          hint={t('member.birthYearHint')}
          error={error('birth_year')}
          value={draft.birthYear}
          onChange={(e) => update('birthYear', e.target.value, 'birth_year')}
        />
        <RadioGroup
          id="gender_id"
          name="gender_id"
          inline
          legend={t('member.gender')}
          error={error('gender_id')}
          options={genders.map((g) => ({ value: String(g.id), label: language === 'hi' ? g.gender_l : g.gender }))}
          value={draft.genderId}
          onChange={(value) => update('genderId', value, 'gender_id')}
        />
        <SelectField
          id="photo_id_type"
          name="photo_id_type"
          label={t('member.idType')}
          error={error('photo_id_type')}
          value={draft.idType}
          onChange={(e) => update('idType', e.target.value, 'photo_id_type')}
        >
          <option value="">{t('member.chooseIdType')}</option>
          {/* Aadhaar stays chosen while the list loads, so its option must exist from the start. */}
          {idTypes.length === 0 && <option value={AADHAAR}>{language === 'hi' ? 'आधार कार्ड' : 'Aadhaar Card'}</option>}
          {idTypes.map((type) => <option key={type.id} value={type.id}>{language === 'hi' ? type.type_l : type.type}</option>)}
        </SelectField>
        <TextField
          id="photo_id_number"
          name="photo_id_number"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          inputMode={draft.idType === AADHAAR ? 'numeric' : 'text'}
          maxLength={30}
          label={t('member.idNumber')}
          hint={draft.idType === AADHAAR ? t('member.aadhaarHint') : t('member.idNumberHint')}
          error={error('photo_id_number')}
          value={draft.idNumber}
          onChange={(e) => update('idNumber', e.target.value, 'photo_id_number')}
        />
        <RadioGroup
          id="comorbidity"
          name="comorbidity"
          inline
          legend={t('member.comorbidity')}
          error={error('comorbidity')}
          options={[{ value: 'Y', label: t('common.yes') }, { value: 'N', label: t('common.no') }]}
          value={draft.comorbidity}
          onChange={(value) => update('comorbidity', value as 'Y' | 'N', 'comorbidity')}
        />
        <div className="field">
          {error('consent') && <p id="consent-error" className="field-error">{error('consent')}</p>}
          <label className="check check--top" htmlFor="consent">
            <input
              id="consent"
              type="checkbox"
              checked={draft.consent}
              onChange={(e) => update('consent', e.target.checked, 'consent')}
              aria-invalid={error('consent') ? true : undefined}
              aria-describedby={describedBy('consent', undefined, error('consent'))}
            />
            <span>{t('member.consent')}</span>
          </label>
        </div>
        <div role="alert" className="alert-region">
          {formProblem && (
            <p className="notice notice--error">
              {formProblem === 'limit' ? t('member.memberLimit') : formProblem === 'unavailable' ? t('common.unavailable') : formProblem.message}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('member.submitting') : t('member.submit')}</button>
        </div>
      </form>
    </div>
  );
}
