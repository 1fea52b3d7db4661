import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db.js';
import type { AggregateDimension } from './schema.js';

export interface DoseCountFilter {
  from: string;
  to: string;
  /** Only doses given at centres in these districts; undefined means everywhere. */
  districtIds: number[] | undefined;
}

export type DoseCountRow = Partial<Record<AggregateDimension, string | number>> & { doses: number };

// Age at the dose, in Co-WIN's bands; only the year of birth is held (DESIGN.md §1.3).
const ageBand = sql<string>`CASE
  WHEN substr(dose_record.administered_on, 1, 4)::int - beneficiary.birth_year < 12 THEN '0-11'
  WHEN substr(dose_record.administered_on, 1, 4)::int - beneficiary.birth_year < 15 THEN '12-14'
  WHEN substr(dose_record.administered_on, 1, 4)::int - beneficiary.birth_year < 18 THEN '15-17'
  WHEN substr(dose_record.administered_on, 1, 4)::int - beneficiary.birth_year < 45 THEN '18-44'
  WHEN substr(dose_record.administered_on, 1, 4)::int - beneficiary.birth_year < 60 THEN '45-59'
  ELSE '60+' END`;

const dimensionColumns: Record<AggregateDimension, RawBuilder<string | number>> = {
  district: sql<number>`facility.district_id`,
  date: sql<string>`dose_record.administered_on`,
  vaccine: sql<string>`dose_record.vaccine`,
  age_band: ageBand,
  gender: sql<number>`beneficiary.gender_id`,
};

/**
 * Doses counted by the chosen dimensions. This reads the dose, person and centre tables of other
 * modules, but only counts and the plain columns aggregates are built from (year of birth, gender,
 * district): no id, name or number leaves the query (decision 0017). At most `limit` cells.
 */
export function countDoses(db: Db, dimensions: readonly AggregateDimension[], filter: DoseCountFilter, limit: number): Promise<DoseCountRow[]> {
  let query = db.selectFrom('dose_record')
    .innerJoin('beneficiary', 'beneficiary.id', 'dose_record.beneficiary_id')
    .innerJoin('facility', 'facility.id', 'dose_record.facility_id')
    .where('dose_record.administered_on', '>=', filter.from)
    .where('dose_record.administered_on', '<=', filter.to);
  if (filter.districtIds) query = query.where('facility.district_id', 'in', filter.districtIds.length > 0 ? filter.districtIds : [-1]);
  const columns = dimensions.map((d) => dimensionColumns[d].as(d));
  const grouped = query.select([...columns, sql<number>`count(*)::int`.as('doses')]);
  const withGroups = dimensions.length > 0 ? grouped.groupBy(dimensions.map((d) => dimensionColumns[d])) : grouped;
  let ordered = withGroups;
  for (const d of dimensions) ordered = ordered.orderBy(dimensionColumns[d]);
  return ordered.limit(limit).execute() as Promise<DoseCountRow[]>;
}
