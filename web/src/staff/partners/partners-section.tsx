import { Route, Routes } from 'react-router';
import { StaffNotFound } from '../staff-not-found.js';
import { NewPartnerPage } from './new-partner-page.js';
import { PartnerPage } from './partner-page.js';
import { PartnersPage } from './partners-page.js';
import './partners.css';

/** /staff/partners: the registered partners (index), registering one, and one partner with its keys and access. */
export function PartnersSection() {
  return (
    <Routes>
      <Route index element={<PartnersPage />} />
      <Route path="new" element={<NewPartnerPage />} />
      <Route path=":partnerId" element={<PartnerPage />} />
      <Route path="*" element={<StaffNotFound />} />
    </Routes>
  );
}
