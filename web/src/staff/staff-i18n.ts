import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import '../styles/citizen.css';
import { staffEn } from './staff-en.js';
import { staffHi } from './staff-hi.js';
import './staff.css';

// Runs once, when the console's code arrives; the public pages never pay for these texts.
if (!i18next.hasResourceBundle('en', 'staff')) {
  i18next.addResourceBundle('en', 'staff', staffEn);
  i18next.addResourceBundle('hi', 'staff', staffHi);
}

/** `t` for the console; `language` is what the page is shown in. */
export function useStaffTranslation() {
  const { t, i18n } = useTranslation('staff');
  return { t, language: i18n.resolvedLanguage === 'hi' ? 'hi' as const : 'en' as const };
}
