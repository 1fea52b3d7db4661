import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { describedBy, focusFirstError, TextAreaField, TextField } from '../../citizen/form-fields.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { PartnerView } from './partner-types.js';
import {
  checkJwks, checkPartner, emptyPartner, fieldOfRefusal, fieldOrder, partnerBodyOf, partnerChangesOf, quotaFields, scopeOrder, valuesOf,
  type FieldCheck, type PartnerField, type PartnerValues,
} from './partner-values.js';
import { registerPartner, updatePartner } from './partners-api.js';
import { JwksFeedback, OwnProblem } from './partner-problems.js';

type Problem = { own: FieldCheck } | { server: string };

const ids: Record<PartnerField, string> = {
  name: 'partner-name',
  purpose: 'partner-purpose',
  scopes: `partner-scope-${scopeOrder[0]}`,
  ip_allowlist: 'partner-ips',
  jwks: 'partner-jwks',
  requests_per_minute: 'partner-requests_per_minute',
  requests_per_day: 'partner-requests_per_day',
  subjects_per_day: 'partner-subjects_per_day',
};

interface PartnerFormProps {
  /** The partner being changed; none when registering a new one. */
  partner?: PartnerView | undefined;
  onSaved: (partner: PartnerView) => void;
}

/** Registers a partner, or changes one; every problem sits next to its field and the first gets the focus. */
export function PartnerForm({ partner, onSaved }: PartnerFormProps) {
  const { t } = useStaffTranslation();
  const [values, setValues] = useState<PartnerValues>(() => (partner ? valuesOf(partner) : emptyPartner));
  const [problems, setProblems] = useState<Partial<Record<PartnerField, Problem>>>({});
  const [notice, setNotice] = useState<'unavailable' | 'unchanged' | { server: string }>();
  const [busy, setBusy] = useState(false);
  const editing = partner !== undefined;

  function show(found: Partial<Record<PartnerField, Problem>>) {
    setProblems(found);
    focusFirstError(fieldOrder, found, ids);
  }

  function change<K extends keyof PartnerValues>(key: K, value: PartnerValues[K], field: PartnerField) {
    setValues((current) => ({ ...current, [key]: value }));
    setProblems((current) => ({ ...current, [field]: undefined }));
    setNotice(undefined);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const checked = checkPartner(values, !editing);
    if (checked.length > 0) return show(Object.fromEntries(checked.map((own) => [own.field, { own }])));
    const changes = partner ? partnerChangesOf(partner, values) : undefined;
    if (changes && Object.keys(changes).length === 0) return setNotice('unchanged');
    setBusy(true);
    try {
      const saved = partner && changes ? await updatePartner(partner.id, changes) : await registerPartner(partnerBodyOf(values));
      onSaved(saved);
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'unavailable') setNotice('unavailable');
      if (failure.kind !== 'rejected') return undefined;
      const field = fieldOfRefusal(failure.message);
      if (field) show({ [field]: { server: failure.message } });
      else setNotice({ server: failure.message });
    } finally {
      setBusy(false);
    }
    return undefined;
  }

  const errorOf = (field: PartnerField): ReactNode => {
    const problem = problems[field];
    if (!problem) return undefined;
    return 'own' in problem ? <OwnProblem check={problem.own} /> : <ServerMessage message={problem.server} />;
  };
  const scopesError = errorOf('scopes');
  const jwks = checkJwks(values.jwks);

  return (
    <form className="citizen-form panel" onSubmit={(event) => void submit(event)} noValidate>
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice === 'unavailable' ? t('common.unavailable') : notice === 'unchanged' ? t('partners.form.unchanged') : <ServerMessage message={notice.server} />}
          </p>
        )}
      </div>
      <TextField
        id={ids.name}
        autoComplete="off"
        maxLength={100}
        label={t('partners.form.name')}
        hint={t('partners.form.nameHint')}
        error={errorOf('name')}
        value={values.name}
        onChange={(event) => change('name', event.target.value, 'name')}
      />
      <TextAreaField
        id={ids.purpose}
        rows={3}
        maxLength={500}
        label={t('partners.form.purpose')}
        hint={t('partners.form.purposeHint')}
        error={errorOf('purpose')}
        value={values.purpose}
        onChange={(event) => change('purpose', event.target.value, 'purpose')}
      />
      <fieldset className="choice-group" aria-describedby={describedBy('partner-scopes', t('partners.form.scopesHint'), scopesError)}>
        <legend>{t('partners.form.scopes')}</legend>
        <p id="partner-scopes-hint" className="hint">{t('partners.form.scopesHint')}</p>
        {scopesError && <p id="partner-scopes-error" className="field-error">{scopesError}</p>}
        <div className="partner-scopes">
          {scopeOrder.map((scope) => (
            <div key={scope} className="partner-scope">
              <label className="choice" htmlFor={`partner-scope-${scope}`}>
                <input
                  type="checkbox"
                  id={`partner-scope-${scope}`}
                  name="scopes"
                  value={scope}
                  checked={values.scopes.includes(scope)}
                  aria-invalid={scopesError ? true : undefined}
                  aria-describedby={`partner-scope-${scope}-hint`}
                  onChange={(event) => change('scopes', event.target.checked ? [...values.scopes, scope] : values.scopes.filter((s) => s !== scope), 'scopes')}
                />
                <span>{t(`partners.scopes.${scope}`)}</span>
              </label>
              <p id={`partner-scope-${scope}-hint`} className="hint">{t(`partners.scopeHints.${scope}`)}</p>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id={ids.ip_allowlist}
        rows={4}
        maxLength={4000}
        spellCheck={false}
        autoCapitalize="off"
        className="partner-code"
        label={t('partners.form.ips')}
        hint={t('partners.form.ipsHint')}
        error={errorOf('ip_allowlist')}
        value={values.ipAllowlist}
        onChange={(event) => change('ipAllowlist', event.target.value, 'ip_allowlist')}
      />
      <div className="partner-jwks">
        <TextAreaField
          id={ids.jwks}
          rows={8}
          maxLength={50_000}
          spellCheck={false}
          autoCapitalize="off"
          className="partner-code"
          label={t('partners.form.jwks')}
          hint={partner ? `${t('partners.form.jwksHint')} ${t('partners.form.jwksEditHint', { kids: partner.key_ids.join(', ') })}` : t('partners.form.jwksHint')}
          error={errorOf('jwks')}
          value={values.jwks}
          onChange={(event) => change('jwks', event.target.value, 'jwks')}
          // A pasted key set is checked as soon as the field is left, not only on saving.
          onBlur={() => {
            if (!jwks.ok && jwks.problem !== 'missing') setProblems((current) => ({ ...current, jwks: { own: { field: 'jwks', check: jwks } } }));
          }}
        />
        <JwksFeedback check={jwks} />
      </div>
      <fieldset className="choice-group">
        <legend>{t('partners.form.limits')}</legend>
        <p className="hint">{t('partners.form.limitsHint')}</p>
        <div className="partner-limits">
          {quotaFields.map((field) => (
            <TextField
              key={field}
              id={ids[field]}
              inputMode="numeric"
              autoComplete="off"
              maxLength={11}
              className="field--short"
              label={t(`partners.form.${field}`)}
              hint={field === 'subjects_per_day' ? t('partners.form.subjectsHint') : undefined}
              error={errorOf(field)}
              value={values.quotas[field]}
              onChange={(event) => change('quotas', { ...values.quotas, [field]: event.target.value }, field)}
            />
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? (busy ? t('partners.form.saving') : t('partners.form.save')) : busy ? t('partners.form.registering') : t('partners.form.register')}
        </button>
        {!editing && <Link to="/staff/partners">{t('partners.form.cancel')}</Link>}
      </div>
    </form>
  );
}
