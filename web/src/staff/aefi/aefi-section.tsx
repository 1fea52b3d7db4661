import { Route, Routes } from 'react-router';
import { StaffNotFound } from '../staff-not-found.js';
import { CasePage } from './case-page.js';
import { CaseListPage } from './case-list-page.js';
import { ReportPage } from './report-page.js';
import './aefi.css';

/** /staff/aefi: the cases in one's area, reporting a new one, and one case with its history. */
export function AefiSection() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path="report" element={<ReportPage />} />
      <Route path="cases/:caseId" element={<CasePage />} />
      <Route path="*" element={<StaffNotFound />} />
    </Routes>
  );
}
