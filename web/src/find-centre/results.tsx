import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, weekFrom, type IsoDay } from '../dates.js';
import { CentreCard, type SessionRenderer } from './centre-card.js';
import { clearFilters, FilterBar, type FilterField } from './filter-bar.js';
import { filterCentres, type Filters } from './filters.js';
import type { Search } from './search.js';
import { statusMessage } from './status-message.js';
import type { CalendarState } from './use-calendar.js';
import { WeekNav } from './week-nav.js';

interface ResultsProps {
  search: Search | undefined;
  today: IsoDay;
  calendar: CalendarState;
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
  onWeekChange: (from: IsoDay) => void;
  onRetry: () => void;
  /** The booking page turns sessions into choices and offers only the filters that still matter. */
  renderSession?: SessionRenderer | undefined;
  filterFields?: readonly FilterField[] | undefined;
}

export function Results(props: ResultsProps) {
  const { search, today, calendar, filters, onFiltersChange, onWeekChange, onRetry, renderSession, filterFields } = props;
  const { t, i18n } = useTranslation();
  const centres = useMemo(
    () => (calendar.status === 'loaded' ? filterCentres(calendar.centres, filters) : []),
    [calendar, filters],
  );
  const status = search ? statusMessage(t, search, calendar, centres.length) : { text: '', tone: 'neutral' };
  const days = search ? weekFrom(search.from) : [];
  const hasCentres = calendar.status === 'loaded' && calendar.centres.length > 0;

  return (
    <section className="results" aria-labelledby={search ? 'results-heading' : undefined} aria-busy={calendar.status === 'loading'}>
      {search && (
        <div className="results-head">
          {/* Focusable from script only: "Try again" disappears while searching, and focus lands here. */}
          <h2 id="results-heading" tabIndex={-1}>{t('results.heading')}</h2>
          <WeekNav from={search.from} today={today} onChange={onWeekChange} />
        </div>
      )}
      {hasCentres && <FilterBar filters={filters} onChange={onFiltersChange} offerClear={centres.length > 0} fields={filterFields} />}
      {/* Always rendered: a live region must exist before its text changes, or nothing is read out. */}
      <p role="status" className={`status status--${status.tone}`}>{status.text}</p>
      {calendar.status === 'failed' && calendar.failure.kind === 'unavailable' && (
        <button
          type="button"
          onClick={() => {
            onRetry();
            document.getElementById('results-heading')?.focus();
          }}
        >
          {t('results.retry')}
        </button>
      )}
      {hasCentres && centres.length === 0 && (
        <button type="button" onClick={() => clearFilters(onFiltersChange)}>{t('filters.clear')}</button>
      )}
      {centres.length > 0 && (
        <div className="calendar">
          {/* Wide screens show the days once, as column heads; each day cell also names its day for screen readers. */}
          <div className="week-header" aria-hidden="true">
            <span />
            {days.map((day) => <span key={day}>{formatDay(day, i18n.language)}</span>)}
          </div>
          <ol className="centres">
            {centres.map((centre) => (
              <li key={centre.center_id}><CentreCard centre={centre} days={days} renderSession={renderSession} /></li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
