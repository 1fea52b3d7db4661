import { useTranslation } from 'react-i18next';
import { addDays, formatRange, WEEK_LENGTH, type IsoDay } from '../dates.js';

interface WeekNavProps {
  from: IsoDay;
  today: IsoDay;
  onChange: (from: IsoDay) => void;
}

export function WeekNav({ from, today, onChange }: WeekNavProps) {
  const { t, i18n } = useTranslation();
  const previous = addDays(from, -WEEK_LENGTH);
  return (
    <div className="week-nav" role="group" aria-label={t('week.label')}>
      <button
        type="button"
        onClick={() => onChange(previous < today ? today : previous)}
        // Past sessions cannot be booked, so the calendar never starts before today.
        disabled={from <= today}
      >
        <span aria-hidden="true">‹ </span>{t('week.previous')}
      </button>
      <p className="week-range">{formatRange(from, addDays(from, WEEK_LENGTH - 1), i18n.language)}</p>
      <button type="button" onClick={() => onChange(addDays(from, WEEK_LENGTH))}>
        {t('week.next')}<span aria-hidden="true"> ›</span>
      </button>
    </div>
  );
}
