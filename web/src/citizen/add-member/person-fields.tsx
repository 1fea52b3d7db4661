import { useCitizenTranslation } from '../citizen-i18n.js';
import type { MemberField } from '../field-errors.js';
import { describedBy, RadioGroup, SelectField, TextField } from '../form-fields.js';
import type { RegistrationLists } from '../use-registration-lists.js';
import { AADHAAR, type MemberDraft } from './member-checks.js';

interface PersonFieldsProps {
  draft: MemberDraft;
  lists: RegistrationLists | undefined;
  error: (field: MemberField) => string | undefined;
  onChange: <K extends keyof MemberDraft>(key: K, value: MemberDraft[K], field: MemberField) => void;
}

/**
 * A person's details, with their labels, hints and lists (the server's genders and photo ID types):
 * the citizen's "Add a member" form and the staff's walk-in registration ask them alike.
 */
export function PersonFields({ draft, lists, error, onChange }: PersonFieldsProps) {
  const { t, language } = useCitizenTranslation();
  const idTypes = lists?.idTypes ?? [];
  return (
    <>
      <TextField
        id="name"
        name="name"
        autoComplete="off"
        maxLength={100}
        label={t('member.name')}
        hint={t('member.nameHint')}
        error={error('name')}
        value={draft.name}
        onChange={(e) => onChange('name', e.target.value, 'name')}
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
        onChange={(e) => onChange('birthYear', e.target.value, 'birth_year')}
      />
      <RadioGroup
        id="gender_id"
        name="gender_id"
        inline
        legend={t('member.gender')}
        error={error('gender_id')}
        options={(lists?.genders ?? []).map((g) => ({ value: String(g.id), label: language === 'hi' ? g.gender_l : g.gender }))}
        value={draft.genderId}
        onChange={(value) => onChange('genderId', value, 'gender_id')}
      />
      <SelectField
        id="photo_id_type"
        name="photo_id_type"
        label={t('member.idType')}
        error={error('photo_id_type')}
        value={draft.idType}
        onChange={(e) => onChange('idType', e.target.value, 'photo_id_type')}
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
        onChange={(e) => onChange('idNumber', e.target.value, 'photo_id_number')}
      />
      <RadioGroup
        id="comorbidity"
        name="comorbidity"
        inline
        legend={t('member.comorbidity')}
        error={error('comorbidity')}
        options={[{ value: 'Y', label: t('common.yes') }, { value: 'N', label: t('common.no') }]}
        value={draft.comorbidity}
        onChange={(value) => onChange('comorbidity', value as 'Y' | 'N', 'comorbidity')}
      />
      <div className="field">
        {error('consent') && <p id="consent-error" className="field-error">{error('consent')}</p>}
        <label className="check check--top" htmlFor="consent">
          <input
            id="consent"
            type="checkbox"
            checked={draft.consent}
            onChange={(e) => onChange('consent', e.target.checked, 'consent')}
            aria-invalid={error('consent') ? true : undefined}
            aria-describedby={describedBy('consent', undefined, error('consent'))}
          />
          <span>{t('member.consent')}</span>
        </label>
      </div>
    </>
  );
}
