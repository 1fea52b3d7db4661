import { useTranslation } from 'react-i18next';
import type { CalendarSession } from '../../../src/api/cowin-v2/schema.js';

export function SlotList({ slots }: { slots: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className="slots">
      <p className="slots-label">{t('session.slots')}</p>
      <ul>
        {slots.map((slot) => <li key={slot}>{slot}</li>)}
      </ul>
    </div>
  );
}

/**
 * The slots every session of a centre shares, if they all share them. Centres ran the same slots
 * day after day, so listing them once keeps a week of sessions short enough to read on a phone.
 */
export function sharedSlots(sessions: readonly CalendarSession[]): readonly string[] | undefined {
  const first = sessions[0]?.slots;
  if (!first) return undefined;
  const same = sessions.every((s) => s.slots.length === first.length && s.slots.every((slot, i) => slot === first[i]));
  return same ? first : undefined;
}
