import { Route, Routes } from 'react-router';
import { DayPage } from './day-page.js';
import { EncounterPage } from './encounter-page.js';

/** /staff/day: today's list, and one appointment's visit at /staff/day/<appointment id>. */
export function DaySection() {
  return (
    <Routes>
      <Route index element={<DayPage />} />
      <Route path=":appointmentId" element={<EncounterPage />} />
    </Routes>
  );
}
