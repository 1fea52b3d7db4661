import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import { genderById } from '../beneficiaries/person-fields.js';
import type { GeographyService } from '../geography/service.js';
import * as aggregateStore from './aggregates-store.js';
import { badPartnerInput } from './errors.js';
import type { PartnerActor } from './gate.js';
import { aggregateDimensions, type AggregateDimension, type AggregatesQuery, type AggregatesView } from './schema.js';

/** Cells counting fewer doses than this are suppressed: a small cell can single out a person. */
export const SUPPRESSION_THRESHOLD = 10;
/**
 * Every other count is rounded to a multiple of this. Suppression alone can be undone by
 * differencing (a total minus the published cells of a breakdown); rounding leaves each such
 * difference uncertain by several doses, so a suppressed cell cannot be recovered exactly.
 */
export const ROUNDING_BASE = 5;
const MAX_DAYS = 366;
const MAX_CELLS = 20_000;

const DAY_MS = 24 * 60 * 60 * 1000;
const tooLarge = () => new AppError('AGGREGATE_TOO_LARGE', 400,
  `The answer would have more than ${MAX_CELLS} cells. Ask for fewer days, one state or district, or fewer group_by dimensions.`, 'group_by');

/** A count as published: suppressed below the threshold, rounded above it. */
export function publishedCount(doses: number): { doses: number | null; suppressed: boolean } {
  if (doses < SUPPRESSION_THRESHOLD) return { doses: null, suppressed: true };
  return { doses: Math.max(SUPPRESSION_THRESHOLD, Math.round(doses / ROUNDING_BASE) * ROUNDING_BASE), suppressed: false };
}

/**
 * Dose counts for research partners (scope `aggregates`, decision 0017): by district, date, vaccine,
 * age band and gender, with no identifiers and small cells suppressed (kept in the answer as null,
 * so a missing cell never stands for a small one).
 */
export class AggregateReports {
  constructor(private readonly deps: { db: Db; clock: Clock; access: AccessService; geography: GeographyService }) {}

  async doseCounts(partner: PartnerActor, query: AggregatesQuery): Promise<AggregatesView> {
    const { db, access, geography } = this.deps;
    const groupBy = [...new Set((query.group_by ?? '').split(',').filter((d) => d !== ''))] as AggregateDimension[];
    const days = (Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / DAY_MS;
    if (Number.isNaN(days)) throw badPartnerInput('from', 'from and to must be real dates (YYYY-MM-DD)');
    if (days < 0) throw badPartnerInput('to', 'must be on or after from');
    if (days >= MAX_DAYS) throw badPartnerInput('to', `at most ${MAX_DAYS} days after from`);
    const districtIds = this.districtsOf(query);
    const rows = await aggregateStore.countDoses(db, groupBy, { from: query.from, to: query.to, districtIds }, MAX_CELLS + 1);
    if (rows.length > MAX_CELLS) throw tooLarge();
    await access.record({
      type: 'partner.aggregates_read', actor: partner, outcome: 'done', ip: partner.ip,
      detail: { group_by: groupBy.join(','), from: query.from, to: query.to, state_id: query.state_id ?? null, district_id: query.district_id ?? null },
    });
    return {
      group_by: aggregateDimensions.filter((d) => groupBy.includes(d)),
      from: query.from,
      to: query.to,
      suppression_threshold: SUPPRESSION_THRESHOLD,
      rounding_base: ROUNDING_BASE,
      cells: rows.map((row) => {
        const districtId = row.district === undefined ? undefined : Number(row.district);
        return {
          ...(districtId === undefined ? {} : { district_id: districtId, district_name: geography.placeOf(districtId)?.districtName.trim() ?? '' }),
          ...(row.date === undefined ? {} : { date: String(row.date) }),
          ...(row.vaccine === undefined ? {} : { vaccine: String(row.vaccine) }),
          ...(row.age_band === undefined ? {} : { age_band: String(row.age_band) }),
          ...(row.gender === undefined ? {} : { gender: genderById(Number(row.gender))?.gender ?? null }),
          ...publishedCount(Number(row.doses)),
        };
      }),
    };
  }

  /** The districts asked about: one, a state's, or all (undefined). */
  private districtsOf(query: AggregatesQuery): number[] | undefined {
    const inState = query.state_id === undefined ? undefined : this.deps.geography.listDistricts(query.state_id).map((d) => d.id);
    if (query.district_id === undefined) return inState;
    return !inState || inState.includes(query.district_id) ? [query.district_id] : [];
  }
}
