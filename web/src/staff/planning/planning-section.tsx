import { Route, Routes } from 'react-router';
import { StaffNotFound } from '../staff-not-found.js';
import { NewCentrePage, EditCentrePage } from './centre-form-page.js';
import { CentrePage } from './centre-page.js';
import { CentresPage } from './centres-page.js';
import { SessionFormPage } from './session-form-page.js';
import { UploadPage } from './upload-page.js';
import { VaccineFormPage } from './vaccine-form-page.js';
import { VaccinesPage } from './vaccines-page.js';
import './planning.css';

/**
 * /staff/planning: centres of a district (index), one centre with its sessions, the forms that
 * create and change them, the vaccine catalogue, and CSV uploads.
 */
export function PlanningSection() {
  return (
    <Routes>
      <Route index element={<CentresPage />} />
      <Route path="centres/new" element={<NewCentrePage />} />
      <Route path="centres/:centreId" element={<CentrePage />} />
      <Route path="centres/:centreId/edit" element={<EditCentrePage />} />
      <Route path="centres/:centreId/sessions/new" element={<SessionFormPage />} />
      <Route path="centres/:centreId/sessions/:sessionId" element={<SessionFormPage />} />
      <Route path="vaccines" element={<VaccinesPage />} />
      <Route path="vaccines/:name" element={<VaccineFormPage />} />
      <Route path="upload" element={<UploadPage />} />
      <Route path="*" element={<StaffNotFound />} />
    </Routes>
  );
}
