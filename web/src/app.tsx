import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireLogin } from './citizen/require-login.js';
import { FindCentrePage } from './find-centre/find-centre-page.js';
import { lazyPage, PageLoader } from './layout/lazy-page.js';
import { NotFoundPage } from './layout/not-found-page.js';
import { SiteFooter } from './layout/site-footer.js';
import { SiteHeader } from './layout/site-header.js';

const LoginPage = lazyPage(() => import('./citizen/login/login-page.js'), 'LoginPage');
const FamilyPage = lazyPage(() => import('./citizen/family/family-page.js'), 'FamilyPage');
const AddMemberPage = lazyPage(() => import('./citizen/add-member/add-member-page.js'), 'AddMemberPage');
const BookPage = lazyPage(() => import('./citizen/booking/book-page.js'), 'BookPage');
const MyDataPage = lazyPage(() => import('./citizen/my-data/my-data-page.js'), 'MyDataPage');
const CorrectionPage = lazyPage(() => import('./citizen/correction/correction-page.js'), 'CorrectionPage');
const ConsentRequestPage = lazyPage(() => import('./citizen/consents/consent-request-page.js'), 'ConsentRequestPage');
const MyConsentsPage = lazyPage(() => import('./citizen/consents/my-consents-page.js'), 'MyConsentsPage');
// Public, but lazy too: its QR decoder (jsQR) is bigger than the search page's own code.
const VerifyPage = lazyPage(() => import('./verify/verify-page.js'), 'VerifyPage');
// The staff console, with its own routes under /staff (staff/staff-routes.tsx says how to add a section).
const StaffConsole = lazyPage(() => import('./staff/staff-routes.js'), 'StaffConsole');

const citizen = (page: ReactNode) => <RequireLogin><PageLoader>{page}</PageLoader></RequireLogin>;

export function App() {
  return (
    <>
      <SiteHeader />
      <main className="page">
        <Routes>
          <Route path="/" element={<FindCentrePage />} />
          <Route path="/login" element={<PageLoader><LoginPage /></PageLoader>} />
          <Route path="/family" element={citizen(<FamilyPage />)} />
          <Route path="/family/add" element={citizen(<AddMemberPage />)} />
          <Route path="/family/:referenceId/correction" element={citizen(<CorrectionPage />)} />
          <Route path="/book/:referenceId" element={citizen(<BookPage />)} />
          <Route path="/my-data" element={citizen(<MyDataPage />)} />
          <Route path="/my-consents" element={citizen(<MyConsentsPage />)} />
          {/* A partner sends the citizen here to answer its consent request; login comes back to it. */}
          <Route path="/consent/:id" element={citizen(<ConsentRequestPage />)} />
          <Route path="/verify" element={<PageLoader><VerifyPage /></PageLoader>} />
          <Route path="/staff/*" element={<PageLoader><StaffConsole /></PageLoader>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <SiteFooter />
    </>
  );
}
