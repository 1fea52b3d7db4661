import { Route, Routes } from 'react-router';
import { FindCentrePage } from './find-centre/find-centre-page.js';
import { NotFoundPage } from './layout/not-found-page.js';
import { SiteFooter } from './layout/site-footer.js';
import { SiteHeader } from './layout/site-header.js';

export function App() {
  return (
    <>
      <SiteHeader />
      <main className="page">
        <Routes>
          <Route path="/" element={<FindCentrePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <SiteFooter />
    </>
  );
}
