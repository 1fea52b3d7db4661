import { useTranslation } from 'react-i18next';
import type { IsoDay } from '../dates.js';
import { DistrictSearchForm } from './district-search-form.js';
import { PinSearchForm } from './pin-search-form.js';
import type { Search } from './search.js';

/** Search by PIN, or by state and district: the public page and the booking page both start here. */
export function SearchPanel({ search, today, onSearch }: { search: Search | undefined; today: IsoDay; onSearch: (next: Search) => void }) {
  const { t } = useTranslation();
  const query = search?.query;
  return (
    <div className="search-panel">
      <PinSearchForm
        pincode={query?.by === 'pin' ? query.pincode : undefined}
        onSearch={(pincode) => onSearch({ query: { by: 'pin', pincode }, from: today })}
      />
      <p className="search-or" aria-hidden="true"><span>{t('search.or')}</span></p>
      <DistrictSearchForm
        stateId={query?.by === 'district' ? search?.stateId : undefined}
        districtId={query?.by === 'district' ? query.districtId : undefined}
        onSearch={(stateId, districtId) => onSearch({ query: { by: 'district', districtId }, stateId, from: today })}
      />
    </div>
  );
}
