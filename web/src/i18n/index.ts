import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { StaffMessages } from '../staff/staff-en.js';
import type { CitizenMessages } from './citizen-en.js';
import { en, type Messages } from './en.js';
import { hi } from './hi.js';

export const languages = ['en', 'hi'] as const;
export type Language = (typeof languages)[number];

/** Each language names itself, so a reader who cannot read the current one still finds theirs. */
export const languageNames: Record<Language, string> = { en: 'English', hi: 'हिन्दी' };

const STORAGE_KEY = 'teeka.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    // `citizen` arrives with the citizen pages (citizen/citizen-i18n.ts), not in the first download;
    // `staff` with the staff console (staff/staff-i18n.ts).
    resources: { translation: Messages; citizen: CitizenMessages; staff: StaffMessages };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    // Private modes and locked-down WebViews throw on storage access; the page still works in English.
    return undefined;
  }
}

function preferredLanguage(): Language {
  return storedLanguage() ?? (navigator.language.toLowerCase().startsWith('hi') ? 'hi' : 'en');
}

function applyLanguage(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : 'en';
  document.title = i18next.t('app.title');
}

export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across reloads, but the switch itself still works.
  }
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

export function startI18n(): void {
  i18next.on('languageChanged', applyLanguage);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng: preferredLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...languages],
    // Resources are bundled, so initialising synchronously lets the first render be in the right language.
    initAsync: false,
    // React already escapes what it renders; escaping twice would show "&amp;" in centre names.
    interpolation: { escapeValue: false },
  });
}
