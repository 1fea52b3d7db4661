import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayInIndia, type IsoDay } from '../dates.js';
import { DistrictSearchForm } from './district-search-form.js';
import { noFilters } from './filters.js';
import { PinSearchForm } from './pin-search-form.js';
import { Results } from './results.js';
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

  const query = search?.query;
  return (
    <>
      <div className="intro">
        <h1>{t('search.heading')}</h1>
        <p>{t('search.intro')}</p>
      </div>
      <div className="search-panel">
        <PinSearchForm
          pincode={query?.by === 'pin' ? query.pincode : undefined}
          onSearch={(pincode) => showSearch({ query: { by: 'pin', pincode }, from: today })}
        />
        <p className="search-or" aria-hidden="true"><span>{t('search.or')}</span></p>
        <DistrictSearchForm
          stateId={query?.by === 'district' ? search?.stateId : undefined}
          districtId={query?.by === 'district' ? query.districtId : undefined}
          onSearch={(stateId, districtId) => showSearch({ query: { by: 'district', districtId }, stateId, from: today })}
        />
      </div>
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
