import { useTranslation } from 'react-i18next';
import { verifyEn, type VerifyMessages } from '../i18n/verify-en.js';
import { verifyHi } from '../i18n/verify-hi.js';

/**
 * The verify page's texts in the reader's language. They are plain objects rather than an i18next
 * namespace because i18n/index.ts types `resources` as exactly `translation` and `citizen`, and a
 * second declaration cannot widen it; `useTranslation()` still re-renders the page when the language
 * changes. Registering a `verify` namespace there would let this become `useTranslation('verify')`.
 */
export function useVerifyText(): { text: VerifyMessages; language: 'en' | 'hi' } {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'hi' ? 'hi' : 'en';
  return { text: language === 'hi' ? verifyHi : verifyEn, language };
}

/** Fills `{{name}}` placeholders, as i18next would. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

type ReasonKey = keyof VerifyMessages['reasons'];
const reasonKeys = new Map(Object.entries(verifyEn.reasons).map(([key, english]) => [english, key as ReasonKey]));

/**
 * The server's reason in the reader's language. The server explains in English sentences, not codes,
 * so the sentence is the key; one it has not been taught comes back as is, marked as English.
 */
export function translateReason(reason: string, text: VerifyMessages): { text: string; lang?: 'en' } {
  const key = reasonKeys.get(reason.trim());
  if (key) return { text: text.reasons[key] };
  return text === verifyEn ? { text: reason } : { text: reason, lang: 'en' };
}
