import i18next from 'i18next';
import { useEffect } from 'react';

/**
 * Names the browser tab after the page, in the page's language; the home page's title comes back
 * when the page closes. Screen readers announce the title on navigation, so it must say where one is.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => () => {
    document.title = i18next.t('app.title');
  }, []);
}
