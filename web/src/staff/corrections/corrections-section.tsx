import { Route, Routes } from 'react-router';
import './corrections.css';
import { QueuePage } from './queue-page.js';
import { ReviewPage } from './review-page.js';

/** /staff/corrections: the queue, and one request opened for review at /staff/corrections/<request id>. */
export function CorrectionsSection() {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path=":requestId" element={<ReviewPage />} />
    </Routes>
  );
}
