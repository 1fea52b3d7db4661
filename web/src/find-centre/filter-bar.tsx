import { useTranslation } from 'react-i18next';
import { ageGroupChoices, hasFilters, noFilters, vaccineChoices, type Filters } from './filters.js';

export type FilterField = 'age' | 'vaccine' | 'fee' | 'doses';
const allFields: readonly FilterField[] = ['age', 'vaccine', 'fee', 'doses'];

/**
 * Clearing removes the button that was pressed; focus goes to the first filter rather than being
 * dropped on the page, where a keyboard or screen-reader user would have to find their place again.
 */
export function clearFilters(onChange: (filters: Filters) => void): void {
  onChange(noFilters);
  document.querySelector<HTMLElement>('.filters select, .filters input')?.focus();
}

interface FilterBarProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** False while the empty-results message offers its own, more visible, way to clear them. */
  offerClear: boolean;
  /** Which filters to offer; all of them unless the page already narrows by age and dose itself. */
  fields?: readonly FilterField[] | undefined;
}

/** Filters work on the week already fetched: changing one costs no request and no wait. */
export function FilterBar({ filters, onChange, offerClear, fields = allFields }: FilterBarProps) {
  const { t } = useTranslation();
  const offers = (field: FilterField) => fields.includes(field);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });

  return (
    <fieldset className="filters">
      <legend>{t('filters.legend')}</legend>
      <div className="filter-fields">
        {offers('age') && (
          <div className="field">
            <label htmlFor="filter-age">{t('filters.age')}</label>
            <select id="filter-age" value={filters.age} onChange={(e) => set('age', e.target.value as Filters['age'])}>
              <option value="all">{t('filters.ageAll')}</option>
              {ageGroupChoices.map((group) => (
                <option key={group} value={group}>{t('filters.ageOption', { ages: group })}</option>
              ))}
            </select>
          </div>
        )}
        {offers('vaccine') && (
          <div className="field">
            <label htmlFor="filter-vaccine">{t('filters.vaccine')}</label>
            <select id="filter-vaccine" value={filters.vaccine} onChange={(e) => set('vaccine', e.target.value as Filters['vaccine'])}>
              <option value="all">{t('filters.vaccineAll')}</option>
              {vaccineChoices.map((vaccine) => <option key={vaccine} value={vaccine}>{vaccine}</option>)}
            </select>
          </div>
        )}
        {offers('fee') && (
          <div className="field">
            <label htmlFor="filter-fee">{t('filters.fee')}</label>
            <select id="filter-fee" value={filters.fee} onChange={(e) => set('fee', e.target.value as Filters['fee'])}>
              <option value="all">{t('filters.feeAll')}</option>
              <option value="Free">{t('centre.Free')}</option>
              <option value="Paid">{t('centre.Paid')}</option>
            </select>
          </div>
        )}
        {offers('doses') && (
          <div className="filter-checks">
            <label className="check">
              <input type="checkbox" checked={filters.dose1} onChange={(e) => set('dose1', e.target.checked)} />
              {t('filters.dose1')}
            </label>
            <label className="check">
              <input type="checkbox" checked={filters.dose2} onChange={(e) => set('dose2', e.target.checked)} />
              {t('filters.dose2')}
            </label>
          </div>
        )}
      </div>
      {offerClear && hasFilters(filters) && (
        <button type="button" className="link-button" onClick={() => clearFilters(onChange)}>{t('filters.clear')}</button>
      )}
    </fieldset>
  );
}
