import { useTranslation } from 'react-i18next';
import type { CalendarSession } from '../../../src/api/cowin-v2/schema.js';
import { ageLimitText, isBooked } from './filters.js';
import { SlotList } from './slot-list.js';

interface SessionItemProps {
  session: CalendarSession;
  /** False when the centre lists the same slots once for all its sessions. */
  showSlots: boolean;
}

export function SessionItem({ session, showSlots }: SessionItemProps) {
  const { t } = useTranslation();
  const booked = isBooked(session);
  return (
    <li className={booked ? 'session session--booked' : 'session'}>
      <p className="session-vaccine">{session.vaccine}</p>
      <p className="session-age">{t('session.age', { ages: ageLimitText(session) })}</p>
      {booked ? (
        <p className="session-capacity">{t('session.booked')}</p>
      ) : (
        <p className="session-capacity">
          <span className="dose">{t('session.dose1', { available: session.available_capacity_dose1 })}</span>
          {/* Read as one line, shown as two: a dangling "·" at a line end looks like a typo. */}
          <span className="dose-separator"> · </span>
          <span className="dose">{t('session.dose2', { available: session.available_capacity_dose2 })}</span>
        </p>
      )}
      {showSlots && session.slots.length > 0 && <SlotList slots={session.slots} />}
    </li>
  );
}
