import type { CalendarCenter, CalendarSession } from '../../../../src/api/cowin-v2/schema.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatCowinDay } from '../format.js';

export interface Choice {
  centre: CalendarCenter;
  session: CalendarSession;
}

/** The fee for this session's vaccine at a paid centre, as the calendar lists it. */
export function feeOf({ centre, session }: Choice): string | undefined {
  if (centre.fee_type !== 'Paid') return undefined;
  return centre.vaccine_fees?.find((fee) => fee.vaccine.toUpperCase() === session.vaccine.toUpperCase())?.fee;
}

/** The session being booked, in the words of the confirm screen: centre, address, day, vaccine, fee. */
export function ChosenSession({ choice }: { choice: Choice }) {
  const { t, language } = useCitizenTranslation();
  const fee = feeOf(choice);
  return (
    <div className="chosen-session">
      <p className="chosen-centre">{choice.centre.name}</p>
      <p className="muted">{choice.centre.address}, {choice.centre.pincode}</p>
      <p>{t('booking.sessionSummary', { vaccine: choice.session.vaccine, date: formatCowinDay(choice.session.date, language) })}</p>
      <p>{fee === undefined ? t('booking.free') : t('booking.paid', { fee })}</p>
    </div>
  );
}
