import { auditEn } from './audit/audit-en.js';
import { aefiEn } from './aefi/aefi-en.js';
import { centreEn } from './centre/centre-en.js';
import { planningEn } from './planning/planning-en.js';
import { correctionsEn } from './corrections/corrections-en.js';
import { partnersEn } from './partners/partners-en.js';
import { securityEn } from './security/security-en.js';
import { stockEn } from './stock/stock-en.js';
import { walkInEn } from './walk-in/walk-in-en.js';

/**
 * English for the staff console: the `staff` namespace, bundled with the console so the public
 * pages do not carry it. `staff-hi.ts` must have exactly these keys. Each section keeps its texts
 * in its own folder (`<section>/<section>-en.ts`) and is listed here under its own key.
 */
export const staffEn = {
  common: {
    unavailable: 'Could not reach the server. Check the connection and try again.',
    retry: 'Try again',
    loading: 'Loading…',
  },
  console: {
    navLabel: 'Staff console',
    home: 'Home',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signedInAs: 'Signed in as {{username}}',
  },
  roles: {
    national_admin: 'National administrator',
    state_admin: 'State administrator',
    district_admin: 'District administrator',
    facility_admin: 'Centre administrator',
    vaccinator: 'Vaccinator',
    auditor: 'Auditor',
  },
  scope: {
    nation: 'All of India',
    state: 'State: {{name}}',
    district: 'District: {{name}}',
    facility: 'Centre: {{name}}',
  },
  signIn: {
    title: 'Staff sign-in · Teeka',
    heading: 'Staff sign-in',
    intro: 'For vaccination centre staff, administrators and auditors. Citizens log in on the public site.',
    username: 'Username',
    password: 'Password',
    usernameMissing: 'Enter your username.',
    passwordMissing: 'Enter your password.',
    submit: 'Sign in',
    submitting: 'Checking…',
    wrongCredentials: 'Wrong username or password.',
    locked_one: 'Too many failed sign-in attempts. Please try again in {{count}} minute.',
    locked_other: 'Too many failed sign-in attempts. Please try again in {{count}} minutes.',
    rateLimited: 'Too many sign-in attempts from your network. Please try again later.',
    expired: 'This sign-in has expired. Please start again with your username and password.',
    sessionEnded: 'Your session has ended: sessions end after 15 minutes without activity, or 12 hours after sign-in. Please sign in again.',
    signedOut: 'You have signed out.',
    codeHeading: 'Enter your code',
    codeIntro: 'Open the authenticator app on your phone and enter the 6-digit code it shows for Teeka.',
    codeLabel: '6-digit code',
    codeHint: 'A new code appears every 30 seconds. Each code works once.',
    codeMissing: 'Enter the 6-digit code from your authenticator app.',
    codeFormat: 'The code has 6 digits.',
    codeWrong: 'Wrong code, or a code already used. Enter the current 6-digit code from your authenticator app.',
    verify: 'Continue',
    verifying: 'Checking the code…',
    startAgain: 'Start again with username and password',
    enrolHeading: 'Set up your authenticator app',
    enrolIntro: 'This is your first sign-in. Staff accounts need a second step: a code from an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or FreeOTP.',
    enrolScan: 'In the app, add an account and scan this QR code.',
    enrolQrAlt: 'QR code for your authenticator app',
    enrolManual: 'Cannot scan it? Choose “enter a setup key” in the app and type this key, for the account {{username}}:',
    enrolKey: 'Setup key',
    enrolPrivate: 'Keep this key to yourself: anyone who has it can make your codes. It is shown only during this sign-in.',
    enrolCode: 'Then enter the 6-digit code the app shows.',
  },
  password: {
    title: 'Choose your password · Teeka',
    heading: 'Choose your own password',
    intro: 'You signed in with a one-time password. Choose a password of your own to continue; use it from your next sign-in.',
    current: 'One-time password',
    currentHint: 'The password you were given, which you have just used.',
    changeHeading: 'Change your password',
    changeIntro: 'Choose a new password. Your other sessions end when it is saved.',
    currentOwn: 'Current password',
    next: 'New password',
    nextHint: 'At least 12 characters, without your username. A few unrelated words make a strong password that is easy to remember.',
    confirm: 'New password again',
    currentMissing: 'Enter your current password.',
    nextMissing: 'Enter a new password.',
    tooShort: 'The new password must be at least 12 characters long.',
    tooLong: 'The new password must be at most 256 characters long.',
    containsUsername: 'The new password must not contain your username.',
    sameAsCurrent: 'The new password must differ from the current one.',
    mismatch: 'The two new passwords are not the same. Type the new password again.',
    wrongCurrent: 'The current password is wrong.',
    submit: 'Save password',
    submitting: 'Saving…',
    changed: 'Your password has been changed.',
  },
  home: {
    title: 'Staff console · Teeka',
    heading: 'Staff console',
    role: 'Role',
    scope: 'Where you may act',
    sections: 'What you can do',
  },
  gate: {
    heading: 'Not available for your role',
    body: 'Your role ({{role}}) does not include this page.',
  },
  notFound: {
    heading: 'Page not found',
    body: 'There is no staff page at this address.',
    home: 'Go to the staff console',
  },
  day: centreEn.day,
  encounter: centreEn.encounter,
  walkIn: walkInEn,
  aefi: aefiEn,
  stock: stockEn,
  audit: auditEn,
  corrections: correctionsEn,
  planning: planningEn,
  partners: partnersEn,
  security: securityEn,
};

export type StaffMessages = typeof staffEn;
