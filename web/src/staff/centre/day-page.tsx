import { useState } from 'react';
import { RadioGroup } from '../../citizen/form-fields.js';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { useStaffProfile } from '../staff-profile.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { RosterCard } from './roster-card.js';
import { useRoster } from './use-roster.js';

type Filter = 'booked' | 'completed' | 'all';

/** The vaccinator's day: today's appointments at their centre, those still to vaccinate first. */
export function DayPage() {
  const { t } = useStaffTranslation();
  usePageTitle(t('day.title'));
  const { scope } = useStaffProfile();
  const { roster, reload } = useRoster();
  const [filter, setFilter] = useState<Filter>('booked');

  const entries = roster.kind === 'loaded' ? roster.entries : [];
  const count = (status: Filter) => (status === 'all' ? entries.length : entries.filter((e) => e.status === status).length);
  const shown = filter === 'all' ? entries : entries.filter((e) => e.status === filter);
  const emptyText = entries.length === 0 ? t('day.empty') : filter === 'booked' ? t('day.emptyBooked') : t('day.emptyCompleted');

  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('day.heading')}</PageHeading>
        <p>{t('day.intro', { centre: scope.name })}</p>
      </div>
      <div className="day-tools">
        <RadioGroup<Filter>
          id="roster-filter"
          name="roster-filter"
          legend={t('day.filter')}
          inline
          options={[
            { value: 'booked', label: t('day.filterBooked', { count: count('booked') }) },
            { value: 'completed', label: t('day.filterCompleted', { count: count('completed') }) },
            { value: 'all', label: t('day.filterAll', { count: count('all') }) },
          ]}
          value={filter}
          onChange={setFilter}
        />
        <button type="button" onClick={reload} disabled={roster.kind === 'loading'}>{t('day.refresh')}</button>
      </div>
      <div role="status" className="status-region">
        {roster.kind === 'loading' && <p>{t('day.loading')}</p>}
      </div>
      {roster.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {roster.kind === 'loaded' && (shown.length === 0
        ? <p className="empty-state">{emptyText}</p>
        : (
          <ul className="roster">
            {shown.map((entry) => <li key={entry.appointment_id}><RosterCard entry={entry} /></li>)}
          </ul>
        ))}
    </div>
  );
}
