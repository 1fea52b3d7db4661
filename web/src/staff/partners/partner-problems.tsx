import { useStaffTranslation } from '../staff-i18n.js';
import { quotaRange, type FieldCheck, type JwksCheck, type JwksProblem } from './partner-values.js';

type StaffT = ReturnType<typeof useStaffTranslation>['t'];

const count = (language: string, value: number) => new Intl.NumberFormat(`${language}-IN`, { numberingSystem: 'latn' }).format(value);

function jwksProblemText(t: StaffT, found: JwksProblem): string {
  switch (found.problem) {
    case 'missing': return t('partners.form.problems.jwksMissing');
    case 'json': return t('partners.form.problems.jwksJson');
    case 'shape': return t('partners.form.problems.jwksShape');
    case 'empty': return t('partners.form.problems.jwksEmpty');
    case 'tooMany': return t('partners.form.problems.jwksTooMany');
    case 'kty': return t('partners.form.problems.jwksKty', { key: found.key });
    case 'crv': return t('partners.form.problems.jwksCrv', { key: found.key });
    case 'kid': return t('partners.form.problems.jwksKid', { key: found.key });
    case 'private': return t('partners.form.problems.jwksPrivate', { key: found.key, member: found.member });
    case 'duplicate': return t('partners.form.problems.jwksDuplicate', { kid: found.kid });
  }
}

/** A problem the form found itself, in the page's language. */
export function OwnProblem({ check }: { check: FieldCheck }) {
  const { t, language } = useStaffTranslation();
  switch (check.field) {
    case 'name': return <>{t('partners.form.problems.nameMissing')}</>;
    case 'purpose': return <>{t('partners.form.problems.purposeMissing')}</>;
    case 'scopes': return <>{t('partners.form.problems.scopesMissing')}</>;
    case 'ip_allowlist': {
      const found = check.check;
      return <>{found.problem === 'missing' ? t('partners.form.problems.ipsMissing') : t('partners.form.problems.ipsInvalid', { line: found.line, value: found.value })}</>;
    }
    case 'jwks': return <>{jwksProblemText(t, check.check)}</>;
    default: {
      const { min, max } = quotaRange[check.field];
      return <>{t('partners.form.problems.quota', { min: count(language, min), max: count(language, max) })}</>;
    }
  }
}

/** Said as soon as a pasted key set reads right, so the administrator knows before saving which keys it holds. */
export function JwksFeedback({ check }: { check: JwksCheck }) {
  const { t } = useStaffTranslation();
  return (
    <p role="status" className={check.ok ? 'partner-jwks-ok' : 'visually-hidden'}>
      {check.ok ? t('partners.form.jwksOk', { count: check.kids.length, kids: check.kids.map((kid) => kid ?? t('partners.form.noKid')).join(', ') }) : ''}
    </p>
  );
}
