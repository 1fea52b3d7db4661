import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import type { StaffActor } from '../staff/request-staff.js';
import { PincodeCache, type CentrePlanning } from './centres.js';
import type { CentreDraft } from './centre-rules.js';
import { decimalCell, integerCell, listCell, readCsv } from './csv.js';
import { centreInScope, districtInScope, type PlanningDeps } from './places.js';
import type { CentreBody, RowProblem, SessionBody } from './schema.js';
import type { SessionDraft } from './session-rules.js';
import { sessionExists, type SessionPlanning } from './sessions.js';
import * as store from './store.js';

/** The columns of each upload, as the route summaries document them. */
export const centreColumns = {
  required: ['centre_name', 'address', 'district_id', 'block_name', 'pincode', 'lat', 'long', 'opens_at', 'closes_at', 'ownership', 'fee_type', 'vaccines'],
  optional: [],
} as const;
export const sessionColumns = {
  required: ['centre_id', 'date', 'vaccine', 'capacity_dose1', 'capacity_dose2', 'min_age_limit', 'slots'],
  optional: ['max_age_limit', 'allow_all_age', 'walk_in_capacity'],
} as const;

export type ImportResult =
  | { ok: true; imported: number; ids: (number | string)[]; notices: { row: number; field: string; notice: string }[] }
  | { ok: false; problems: RowProblem[] };

const spellings: Record<string, string> = { govt: 'Govt', government: 'Govt', private: 'Private', free: 'Free', paid: 'Paid' };
const spelled = (text: string | undefined) => spellings[(text ?? '').toLowerCase()] ?? text ?? '';

/** "COVISHIELD:780;COVAXIN:1410" at a Paid centre, "COVISHIELD;COVAXIN" at a Free one. */
function vaccinesCell(text: string | undefined): CentreBody['vaccines'] {
  return listCell(text).map((item) => {
    const [vaccine, fee] = item.split(':').map((part) => part.trim());
    return fee === undefined ? { vaccine: vaccine! } : { vaccine: vaccine!, fee: integerCell(fee) };
  });
}

function centreOfRow(v: Record<string, string>): CentreBody {
  return {
    centre_name: v.centre_name!, address: v.address!, district_id: integerCell(v.district_id), block_name: v.block_name!, pincode: integerCell(v.pincode),
    lat: decimalCell(v.lat), long: decimalCell(v.long), opens_at: v.opens_at!, closes_at: v.closes_at!,
    ownership: spelled(v.ownership) as CentreBody['ownership'], fee_type: spelled(v.fee_type) as CentreBody['fee_type'], vaccines: vaccinesCell(v.vaccines),
  };
}

function sessionOfRow(v: Record<string, string>): { body: SessionBody; allowAllAgeProblem: boolean } {
  const allowAllAge = (v.allow_all_age ?? '').toLowerCase();
  return {
    body: {
      date: v.date!, vaccine: v.vaccine!, capacity_dose1: integerCell(v.capacity_dose1), capacity_dose2: integerCell(v.capacity_dose2),
      min_age_limit: integerCell(v.min_age_limit), max_age_limit: v.max_age_limit ? integerCell(v.max_age_limit) : null,
      ...(allowAllAge === 'true' || allowAllAge === 'false' ? { allow_all_age: allowAllAge === 'true' } : {}),
      slots: listCell(v.slots), walk_in_capacity: v.walk_in_capacity ? integerCell(v.walk_in_capacity) : 0,
    },
    allowAllAgeProblem: allowAllAge !== '' && allowAllAge !== 'true' && allowAllAge !== 'false',
  };
}

/**
 * CSV bulk uploads. Every row is checked by the same rules as the single-item API; only when every
 * row passes is anything written, all in one transaction. Otherwise the answer lists every problem
 * of every row and nothing changes.
 */
export class PlanningImports {
  constructor(private readonly deps: PlanningDeps & { centres: CentrePlanning; sessions: SessionPlanning }) {}

  async importCentres(staff: StaffActor, text: string): Promise<ImportResult> {
    const { rows, problems } = readCsv(text, centreColumns);
    const pincodes = new PincodeCache(this.deps);
    const drafts: CentreDraft[] = [];
    const notices: { row: number; field: string; notice: string }[] = [];
    for (const { row, values } of rows) {
      const centre = centreOfRow(values);
      const checked = await this.deps.centres.prepare(districtInScope(this.deps.geography, staff, centre.district_id), centre, pincodes);
      problems.push(...checked.problems.map((p) => ({ row, ...p })));
      notices.push(...checked.notices.map((n) => ({ row, ...n })));
      drafts.push(checked.draft);
    }
    if (problems.length > 0) return { ok: false, problems };
    const ids = await this.deps.db.transaction().execute(async (trx) => {
      const newIds = await store.nextCentreIds(trx, drafts.length);
      await store.insertCentres(trx, drafts.map((d, i) => ({ ...d, id: newIds[i]! })), this.deps.clock.now());
      await this.deps.access.record({
        type: 'centres.imported', actor: staff, outcome: 'done', ip: staff.ip,
        detail: { count: drafts.length, first_centre_id: newIds[0]!, last_centre_id: newIds.at(-1)!, fees_capped: notices.length },
      }, trx);
      return newIds;
    });
    return { ok: true, imported: ids.length, ids, notices };
  }

  async importSessions(staff: StaffActor, text: string): Promise<ImportResult> {
    const { rows, problems } = readCsv(text, sessionColumns);
    const planned: { row: number; facilityId: number; draft: SessionDraft }[] = [];
    const centres = new Map<number, store.PlannedCentre | undefined>();
    for (const { row, values } of rows) {
      const centreId = integerCell(values.centre_id);
      if (!centres.has(centreId)) centres.set(centreId, await this.centreIfInScope(staff, centreId));
      const centre = centres.get(centreId);
      if (!centre) {
        problems.push({ row, field: 'centre_id', error: 'centre_id: no such centre, or it is outside your area' });
        continue;
      }
      const { body, allowAllAgeProblem } = sessionOfRow(values);
      if (allowAllAgeProblem) problems.push({ row, field: 'allow_all_age', error: 'allow_all_age must be true, false or empty' });
      const checked = this.deps.sessions.check(centre, body);
      problems.push(...checked.problems.map((p) => ({ row, ...p })));
      planned.push({ row, facilityId: centreId, draft: checked.draft });
    }
    // Only rows that are otherwise right are compared: a wrong row's draft holds placeholders.
    const wrongRows = new Set(problems.map((p) => p.row));
    problems.push(...(await this.duplicates(planned.filter((p) => !wrongRows.has(p.row)))));
    if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
    const sessions = planned.map((p) => ({ id: randomUUID(), facilityId: p.facilityId, draft: p.draft }));
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await store.insertSessions(trx, sessions);
        await this.deps.access.record({
          type: 'sessions.imported', actor: staff, outcome: 'done', ip: staff.ip,
          detail: { count: sessions.length, centres: new Set(sessions.map((s) => s.facilityId)).size },
        }, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('SESSION_EXISTS', 409, 'date, vaccine, min_age_limit: someone added one of these sessions just now, so nothing was imported. Upload the file again to see which row.', 'date');
      }
      throw error;
    }
    return { ok: true, imported: sessions.length, ids: sessions.map((s) => s.id), notices: [] };
  }

  private async centreIfInScope(staff: StaffActor, centreId: number): Promise<store.PlannedCentre | undefined> {
    if (!Number.isInteger(centreId)) return undefined;
    try {
      return (await centreInScope(this.deps, staff, centreId)).centre;
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /** Rows that plan a session already planned, in the database or earlier in the same file. */
  private async duplicates(planned: { row: number; facilityId: number; draft: SessionDraft }[]): Promise<RowProblem[]> {
    const keyOf = (p: (typeof planned)[number]) => store.sessionKey({ facilityId: p.facilityId, ...p.draft });
    const taken = await store.selectTakenSessionKeys(this.deps.db, planned.map((p) => ({ facilityId: p.facilityId, ...p.draft })));
    const seen = new Map<string, number>();
    const problems: RowProblem[] = [];
    for (const p of planned) {
      const key = keyOf(p);
      const field = 'date, vaccine, min_age_limit';
      if (taken.has(key)) problems.push({ row: p.row, field, error: sessionExists(p.draft).message });
      else if (seen.has(key)) problems.push({ row: p.row, field, error: `${field}: row ${seen.get(key)} already plans this session.` });
      seen.set(key, seen.get(key) ?? p.row);
    }
    return problems;
  }
}
