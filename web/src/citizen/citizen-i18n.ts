import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { citizenEn } from '../i18n/citizen-en.js';
import { citizenHi } from '../i18n/citizen-hi.js';
import '../styles/citizen.css';

// Runs once, when the first citizen page's code arrives; the public page never pays for these texts.
if (!i18next.hasResourceBundle('en', 'citizen')) {
  i18next.addResourceBundle('en', 'citizen', citizenEn);
  i18next.addResourceBundle('hi', 'citizen', citizenHi);
}

/** `t` for the citizen pages; `common` reaches the public page's texts (`common('search.state')`). */
export function useCitizenTranslation() {
  const { t, i18n } = useTranslation('citizen');
  const { t: common } = useTranslation();
  return { t, common, language: i18n.language };
}
