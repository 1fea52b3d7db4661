import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarCenter, CalendarSession } from '../../../src/api/cowin-v2/schema.js';
import { formatDay, fromCowinDate, type IsoDay } from '../dates.js';
import { SessionItem } from './session-item.js';
import { sharedSlots, SlotList } from './slot-list.js';

function sessionsByDay(sessions: readonly CalendarSession[]): Map<IsoDay, CalendarSession[]> {
  const byDay = new Map<IsoDay, CalendarSession[]>();
  for (const session of sessions) {
    const day = fromCowinDate(session.date);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  return byDay;
}

/** "09:30:00" to "09:30": seconds are always zero and only crowd a small screen. */
const clockTime = (time: string) => time.slice(0, 5);

/** Draws one session of a centre on one day: the booking page makes each one a choice. */
export type SessionRenderer = (session: CalendarSession, centre: CalendarCenter, day: IsoDay, showSlots: boolean) => ReactNode;

const showSession: SessionRenderer = (session, _centre, _day, showSlots) =>
  <SessionItem key={session.session_id} session={session} showSlots={showSlots} />;

interface CentreCardProps {
  centre: CalendarCenter;
  days: readonly IsoDay[];
  /** Must return an `<li>` keyed by session id; plain session details unless a page says otherwise. */
  renderSession?: SessionRenderer | undefined;
}

export function CentreCard({ centre, days, renderSession = showSession }: CentreCardProps) {
  const { t, i18n } = useTranslation();
  const byDay = sessionsByDay(centre.sessions);
  const headingId = `centre-${centre.center_id}`;
  const fees = centre.fee_type === 'Paid' ? centre.vaccine_fees ?? [] : [];
  const slots = sharedSlots(centre.sessions);

  return (
    <article className="centre" aria-labelledby={headingId}>
      <div className="centre-info">
        <h3 id={headingId} className="centre-name">{centre.name}</h3>
        <p className="centre-address">{centre.address}</p>
        <p className="centre-meta">
          {t('centre.block')}: {centre.block_name.trim()} · {t('centre.pin')}: {centre.pincode}
        </p>
        <p className="centre-meta">{t('centre.hours', { from: clockTime(centre.from), to: clockTime(centre.to) })}</p>
        <div className="centre-fee">
          <span className={`badge badge--${centre.fee_type === 'Paid' ? 'paid' : 'free'}`}>{t(`centre.${centre.fee_type}`)}</span>
          {fees.length > 0 && (
            <ul className="fees" aria-label={t('centre.fees')}>
              {fees.map((fee) => <li key={fee.vaccine}>{fee.vaccine} ₹{fee.fee}</li>)}
            </ul>
          )}
        </div>
        {slots && slots.length > 0 && <SlotList slots={slots} />}
      </div>
      <ol className="days">
        {days.map((day) => {
          const sessions = byDay.get(day) ?? [];
          return (
            <li key={day} className={sessions.length > 0 ? 'day' : 'day day--empty'}>
              <p className="day-label">{formatDay(day, i18n.language)}</p>
              {sessions.length > 0 ? (
                <ul className="sessions">
                  {sessions.map((session) => renderSession(session, centre, day, !slots))}
                </ul>
              ) : (
                <p className="day-none">
                  <span aria-hidden="true">–</span>
                  <span className="visually-hidden">{t('session.none')}</span>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
