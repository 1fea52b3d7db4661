import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The site-wide way to /verify. Its label is here, not in verify-en.ts: this link is on every page,
 * and importing that file would pull all the verify page's texts into the first download.
 * (It belongs in en.ts/hi.ts as `footer.verify`; those files were not this change's to edit.)
 */
const labels = { en: 'Verify a certificate', hi: 'प्रमाणपत्र की जाँच करें' } as const;

export function VerifyLink() {
  const { i18n } = useTranslation();
  return <Link to="/verify">{labels[i18n.resolvedLanguage === 'hi' ? 'hi' : 'en']}</Link>;
}
