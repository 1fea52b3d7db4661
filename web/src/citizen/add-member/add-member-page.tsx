import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { failureOf, registerMember } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { fieldErrorText, memberFieldOf, type MemberField } from '../field-errors.js';
import type { FamilyPageState } from '../family/family-page.js';
import { focusFirstError } from '../form-fields.js';
import { currentYearInIndia } from '../format.js';
import { PageHeading } from '../page-heading.js';
import { useRegistrationLists } from '../use-registration-lists.js';
import { checkMember, emptyDraft, registrationOf, type MemberDraft, type MemberProblems } from './member-checks.js';
import { PersonFields } from './person-fields.js';

const fieldOrder: readonly MemberField[] = ['name', 'birth_year', 'gender_id', 'photo_id_type', 'photo_id_number', 'comorbidity', 'consent'];

export function AddMemberPage() {
  const { t } = useCitizenTranslation();
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
        <PersonFields draft={draft} lists={lists.status === 'loaded' ? lists.lists : undefined} error={error} onChange={update} />
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
