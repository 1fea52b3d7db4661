/**
 * The staff console, at /staff/*. How it is put together, and how to add a section:
 *
 * - One folder per section: `web/src/staff/<section>/`, holding its page(s), its calls
 *   (`<section>-api.ts`, built on `staffGet`/`staffPost` from ../staff-api.ts, which add the CSRF
 *   token to every POST and turn a 401 into "session ended") and its texts
 *   (`<section>-en.ts`, `<section>-hi.ts`: Hindi must have exactly the English keys).
 * - Register it in three places: its entry in `staffSections` (sections.ts: path, roles, lazy
 *   page; the menu and the home page follow from it), and its texts under one key in
 *   staff-en.ts and staff-hi.ts (that key needs `nav` and `summary`).
 * - Its page uses `useStaffTranslation()` for texts, `useStaffProfile()` for who is signed in
 *   (role, scope with ids and name), PageHeading for the h1, and the citizen pages' form fields
 *   (../citizen/form-fields.tsx) so errors sit next to their field and get the focus.
 * - Roles listed in sections.ts only shape the menu; the server refuses anything else (403/404),
 *   so a page must still handle a refusal. Nothing is stored in localStorage or sessionStorage:
 *   the session is the server's HttpOnly cookie.
 * - Routes a section needs below its path go in the section's own <Routes> (see centre/day-section.tsx).
 */
import { Route, Routes } from 'react-router';
import { PageLoader } from '../layout/lazy-page.js';
import { HomePage } from './home/home-page.js';
import { SignInPage } from './login/sign-in-page.js';
import { PasswordPage } from './password/password-page.js';
import { RoleGate } from './role-gate.js';
import { staffSections } from './sections.js';
import { SignedInLayout } from './signed-in-layout.js';
import { StaffNotFound } from './staff-not-found.js';

export function StaffConsole() {
  return (
    <Routes>
      <Route path="login" element={<SignInPage />} />
      <Route element={<SignedInLayout />}>
        <Route index element={<HomePage />} />
        <Route path="password" element={<PasswordPage />} />
        {staffSections.map(({ path, roles, Page }) => (
          <Route key={path} path={`${path}/*`} element={<RoleGate roles={roles}><PageLoader><Page /></PageLoader></RoleGate>} />
        ))}
        <Route path="*" element={<StaffNotFound />} />
      </Route>
    </Routes>
  );
}
