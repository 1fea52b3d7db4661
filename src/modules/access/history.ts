import type { Db } from '../../core/db.js';
import type { Facility } from '../facilities/schema.js';
import type { FacilityService } from '../facilities/service.js';
import type { GeographyService } from '../geography/service.js';
import type { AccessChange, AccessHistoryEntry, AccessWho } from './history-schema.js';
import { selectHistoryPage, selectStaffContextNear, type HistoryRow } from './history-store.js';
import type { Actor } from './schema.js';

/**
 * A partner's display name and registered purpose. The partners module provides it; until one is
 * given, partners are shown as "a partner service" without a name.
 */
export type PartnerNameLookup = (partnerId: string) => Promise<{ name: string; purpose: string } | undefined>;

/** An entry with the internal id of whose data it is, for the caller to group by and then drop. */
export interface HistoryEvent extends AccessHistoryEntry {
  subject: string;
}

export interface HistoryPage {
  events: HistoryEvent[];
  /** The `seq` to page on from, when older events exist. */
  nextBefore: number | null;
}

/** Who a staff member was when they acted, as the access module records it on each staff event (`actorContext`). */
interface StaffContext {
  role?: string | undefined;
  facilityId?: number | undefined;
  districtId?: number | undefined;
  stateId?: number | undefined;
}

const asNumber = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);
const asString = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

function staffContextOf(detail: Record<string, unknown>): StaffContext {
  return { role: asString(detail.role), facilityId: asNumber(detail.facility_id), districtId: asNumber(detail.district_id), stateId: asNumber(detail.state_id) };
}

const hasPlace = (context: StaffContext) => context.facilityId !== undefined || context.districtId !== undefined || context.stateId !== undefined;

function staffContextOfActor(actor: Actor & { kind: 'staff' }): StaffContext {
  const scope = actor.scope;
  switch (scope.level) {
    case 'facility': return { role: actor.role, facilityId: scope.facilityId };
    case 'district': return { role: actor.role, districtId: scope.districtId };
    case 'state': return { role: actor.role, stateId: scope.stateId };
    case 'nation': return { role: actor.role };
  }
}

/**
 * The few details of a change a citizen is told, picked by name: an event's detail also holds
 * batch numbers, request ids and budget figures that mean nothing to them.
 */
function changeOf(row: HistoryRow): AccessChange | undefined {
  const { detail } = row;
  const change: AccessChange = {};
  const dose = asNumber(detail.dose);
  const vaccine = asString(detail.vaccine);
  const field = asString(detail.field);
  const method = asString(detail.method);
  const reissued = asNumber(detail.certificates_reissued);
  if (dose !== undefined) change.dose = dose;
  if (vaccine !== undefined) change.vaccine = vaccine;
  if (field !== undefined) change.field = field;
  if (method !== undefined && row.type.startsWith('encounter.')) change.method = method;
  // Recording a dose issues its certificate in the same transaction (record-dose.ts).
  if (row.type === 'dose.recorded') change.certificates = 1;
  if (reissued !== undefined) change.certificates = reissued;
  return Object.keys(change).length > 0 ? change : undefined;
}

/**
 * "Who accessed my data" (decision 0016): pages of audit events about a citizen's subjects, each
 * told as who (role and centre, partner name, or the platform), what, why and with what outcome.
 * Places come from the facilities and geography services, names of partners from the partners
 * module: no personal data is read to tell a citizen who read theirs.
 */
export class AccessHistory {
  constructor(
    private readonly deps: {
      db: Db;
      geography: Pick<GeographyService, 'placeOf' | 'listStates'>;
      facilities: Pick<FacilityService, 'findByIds'>;
      partnerNameOf?: PartnerNameLookup | undefined;
    },
  ) {}

  /**
   * Events about `subjects`, newest first. The `viewer`'s own acts are left out unless
   * `includeViewer` (the download keeps them, as "you").
   */
  async page(subjects: string[], options: { viewer: string; includeViewer?: boolean; before?: number | undefined; limit: number }): Promise<HistoryPage> {
    const rows = await selectHistoryPage(this.deps.db, {
      subjects, exceptCitizen: options.includeViewer ? undefined : options.viewer, before: options.before, limit: options.limit + 1,
    });
    const shown = rows.slice(0, options.limit);
    const whos = await this.whoOf(shown, options.viewer);
    return {
      events: shown.map((row, index) => {
        const change = changeOf(row);
        const who = whos[index]!;
        return {
          subject: row.subject, seq: row.seq, at: row.at.toISOString(), type: row.type,
          actor: who.kind === 'you' ? 'you' : row.actorKind, who, purpose: row.purpose, fields: row.fields, outcome: row.outcome,
          ...(change ? { change } : {}),
        };
      }),
      nextBefore: rows.length > options.limit ? shown[shown.length - 1]!.seq : null,
    };
  }

  /** Who an actor is, in the same words the history uses: for notices sent as the read happens. */
  async describeActor(actor: Actor): Promise<AccessWho> {
    switch (actor.kind) {
      case 'staff': {
        const context = staffContextOfActor(actor);
        return this.staffWho(context, await this.centresOf([context]));
      }
      case 'partner': return this.partnerWho(await this.partnerNames([actor.partnerId]), actor.partnerId);
      case 'system': return { kind: 'system', service: actor.name };
      case 'citizen': return { kind: 'another-account' };
    }
  }

  private async whoOf(rows: HistoryRow[], viewer: string): Promise<AccessWho[]> {
    const contexts = await this.staffContexts(rows);
    const centres = await this.centresOf([...contexts.values()]);
    const partners = await this.partnerNames(rows.filter((r) => r.actorKind === 'partner').map((r) => r.actorId));
    return rows.map((row) => {
      switch (row.actorKind) {
        case 'staff': return this.staffWho(contexts.get(row.seq) ?? {}, centres);
        case 'partner': return this.partnerWho(partners, row.actorId);
        case 'system': return { kind: 'system', service: row.actorId };
        default: return { kind: row.actorId === viewer ? 'you' : 'another-account' };
      }
    });
  }

  /**
   * Each staff event's context: its own detail, which carries the role and place since every staff
   * event has (`AccessService.record`). Events appended before that, written outside `authorize`
   * (an encounter opened, a dose recorded), lack the role and are completed from the actor's
   * nearest grant; the log keeps them for the retention period, so this stays.
   */
  private async staffContexts(rows: HistoryRow[]): Promise<Map<number, StaffContext>> {
    const contexts = new Map<number, StaffContext>();
    const nearest = new Map<string, StaffContext>();
    for (const row of rows) {
      if (row.actorKind !== 'staff') continue;
      const own = staffContextOf(row.detail);
      // The whole context is on the event (a national admin's has no place); only older events lack the role.
      if (own.role !== undefined) {
        contexts.set(row.seq, own);
        continue;
      }
      let near = nearest.get(row.actorId);
      if (!near) {
        const detail = await selectStaffContextNear(this.deps.db, row.actorId, row.seq);
        near = detail ? staffContextOf(detail) : {};
        nearest.set(row.actorId, near);
      }
      contexts.set(row.seq, { ...(hasPlace(own) ? own : near), role: own.role ?? near.role });
    }
    return contexts;
  }

  private async centresOf(contexts: StaffContext[]): Promise<Map<number, Facility>> {
    const ids = contexts.flatMap((c) => (c.facilityId === undefined ? [] : [c.facilityId]));
    return ids.length === 0 ? new Map() : this.deps.facilities.findByIds(ids);
  }

  private staffWho(context: StaffContext, centres: Map<number, Facility>): AccessWho {
    const { geography } = this.deps;
    const who: AccessWho = { kind: 'staff' };
    if (context.role !== undefined) who.role = context.role;
    if (context.facilityId !== undefined) {
      const centre = centres.get(context.facilityId);
      const place = centre && geography.placeOf(centre.districtId);
      if (centre) who.centre = centre.name;
      if (place) Object.assign(who, { district: place.districtName, state: place.stateName });
    } else if (context.districtId !== undefined) {
      const place = geography.placeOf(context.districtId);
      if (place) Object.assign(who, { district: place.districtName, state: place.stateName });
    } else if (context.stateId !== undefined) {
      const state = geography.listStates().find((s) => s.id === context.stateId);
      if (state) who.state = state.name;
    }
    return who;
  }

  private async partnerNames(partnerIds: string[]): Promise<Map<string, { name: string; purpose: string }>> {
    const names = new Map<string, { name: string; purpose: string }>();
    const lookup = this.deps.partnerNameOf;
    if (!lookup) return names;
    for (const id of new Set(partnerIds)) {
      const found = await lookup(id);
      if (found) names.set(id, found);
    }
    return names;
  }

  private partnerWho(names: Map<string, { name: string; purpose: string }>, partnerId: string): AccessWho {
    const found = names.get(partnerId);
    return found ? { kind: 'partner', partner: found.name, partner_purpose: found.purpose } : { kind: 'partner' };
  }
}
