import { signedInStaff, type StaffAccount, type StaffBrowser } from '../api/staff/sign-in.js';
import type { TestApp } from '../support/test-app.js';
import type { WatchedPage } from './browser-page.js';
import { browserPages, type BrowserPages, type CitizenPageOptions } from './citizen-fixtures.js';

/** A console page signed in as a staff account, with that account's API client for set-up and checks. */
export type SignedInPage = WatchedPage & { api: StaffBrowser; account: StaffAccount };

/** Chromium and its pages for a test file about the staff console, against the real app. */
export interface StaffPages extends BrowserPages {
  /** Puts the app on a free port and starts Chromium, together: in the file's beforeAll. Returns the app's address. */
  start(t: TestApp): Promise<string>;
  /** A page already signed in: the session cookie an API sign-in got, as the browser would hold it. */
  openSignedIn(role: string, scope: string, options?: CitizenPageOptions): Promise<SignedInPage>;
}

export function staffPages(): StaffPages {
  const pages = browserPages();
  let app: { t: TestApp; url: string } | undefined;
  return {
    ...pages,
    async start(t) {
      const [url] = await Promise.all([t.app.listen({ host: '127.0.0.1', port: 0 }), pages.launch()]);
      app = { t, url };
      return url;
    },
    async openSignedIn(role, scope, options = {}) {
      if (!app) throw new Error('start the app before signing in');
      const staff = await signedInStaff(app.t, role, scope);
      const watched = await pages.open(options);
      await watched.page.context().addCookies([{ name: 'teeka_staff', value: staff.browser.sessionToken!, url: app.url, httpOnly: true, sameSite: 'Strict' }]);
      return { ...watched, api: staff.browser, account: staff.account };
    },
  };
}
