import type { CalendarCenter, CalendarSession } from '../../../../src/api/cowin-v2/schema.js';
import { formatDay, type IsoDay } from '../../dates.js';
import { ageLimitText } from '../../find-centre/filters.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { placesFor } from './suitable-sessions.js';

interface SessionChoiceProps {
  session: CalendarSession;
  centre: CalendarCenter;
  day: IsoDay;
  dose: number;
  /** How many seats the booking needs. */
  seats: number;
  onChoose: (centre: CalendarCenter, session: CalendarSession) => void;
}

/**
 * A session on the booking calendar: a button when it has seats for everyone being booked, plain
 * text when it has not. The button names its day and centre for screen readers, which hear one
 * button at a time and not the grid around it.
 */
export function SessionChoice({ session, centre, day, dose, seats, onChoose }: SessionChoiceProps) {
  const { t, common, language } = useCitizenTranslation();
  const places = placesFor(session, dose);
  const details = (
    <>
      <span className="session-vaccine">{session.vaccine}</span>
      <span className="session-age">{common('session.age', { ages: ageLimitText(session) })}</span>
      <span className="session-capacity">{places > 0 ? t('booking.placesLeft', { count: places }) : t('booking.full')}</span>
    </>
  );
  if (places < seats) return <li className="session session--booked session--text">{details}</li>;
  return (
    <li className="session session--choice">
      <button type="button" value={session.session_id} onClick={() => onChoose(centre, session)}>
        {details}
        <span className="visually-hidden">{`, ${formatDay(day, language)}, ${centre.name}`}</span>
      </button>
    </li>
  );
}
