import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayInIndia, type IsoDay } from '../dates.js';
import { noFilters } from './filters.js';
import { Results } from './results.js';
import { SearchPanel } from './search-panel.js';
import { useRevealResults } from './reveal-results.js';
import { readSearch, writeSearch, type Search } from './search.js';
import { useCalendar } from './use-calendar.js';

export function FindCentrePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInIndia();
  const search = useMemo(() => readSearch(params, today), [params, today]);
  // Bumped when the same search is submitted again, so it really asks the server again.
  const [attempt, setAttempt] = useState(0);
  const calendar = useCalendar(search, attempt);
  const [filters, setFilters] = useState(noFilters);
  const revealResultsWhenReady = useRevealResults(calendar);

  function showSearch(next: Search) {
    revealResultsWhenReady();
    const nextParams = writeSearch(next, today);
    // A new address alone starts the search; bumping the attempt as well would fetch twice and
    // spend twice the network's share of the rate limit.
    if (nextParams.toString() === params.toString()) setAttempt((n) => n + 1);
    else setParams(nextParams);
  }

  function showWeek(from: IsoDay) {
    if (search) setParams(writeSearch({ ...search, from }, today));
  }

  return (
    <>
      <div className="intro">
        <h1>{t('search.heading')}</h1>
        <p>{t('search.intro')}</p>
      </div>
      <SearchPanel search={search} today={today} onSearch={showSearch} />
      <Results
        search={search}
        today={today}
        calendar={calendar}
        filters={filters}
        onFiltersChange={setFilters}
        onWeekChange={showWeek}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    </>
  );
}
