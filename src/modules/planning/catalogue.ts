import type { Clock } from '../../core/clock.js';
import { isUniqueViolation, type Db } from '../../core/db.js';
import { AppError, notFound } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { StaffActor } from '../staff/request-staff.js';
import { roleForbidden } from '../staff/errors.js';
import { lookupOf, type Vaccine, type VaccineLookup } from '../vaccination/vaccines.js';
import * as catalogueStore from './catalogue-store.js';
import { assertNoProblems } from './field-problems.js';
import type { NewVaccineBody, VaccineChanges } from './schema.js';
import * as store from './store.js';
import { checkVaccine, vaccineView } from './vaccine-rules.js';

/**
 * One snapshot per database handle, so that every set of services built over the same database in
 * one process (the runtime builds extra ones at other clocks to seed demo citizens) sees the load
 * and the edits of any of them.
 */
const snapshots = new WeakMap<Db, VaccineLookup>();

/**
 * The vaccine catalogue (decision 0012). Booking, availability, stock and certificates need it
 * synchronously on every request, so each instance holds a snapshot: loaded at start, reloaded right
 * after an edit made here, and reloaded every minute (`refreshEvery`) so that several instances
 * behind a load balancer converge on another instance's edit within that time. Public availability
 * answers are micro-cached for 5 seconds on top; both delays are acceptable for rules that change a
 * few times a year. Only the national administrator edits it.
 */
export class VaccineCatalogue implements VaccineLookup {
  constructor(private readonly deps: { db: Db; clock: Clock; access: AccessService }) {}

  async load(): Promise<void> {
    snapshots.set(this.deps.db, lookupOf(await catalogueStore.selectVaccines(this.deps.db)));
  }

  /** Reloads on a timer that does not keep the process alive; returns the function that stops it. */
  refreshEvery(intervalMs: number, onError: (error: unknown) => void): () => void {
    const timer = setInterval(() => void this.load().catch(onError), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  byName(name: string): Vaccine | undefined {
    return this.current().byName(name);
  }

  list(): readonly Vaccine[] {
    return this.current().list();
  }

  async create(staff: StaffActor, input: NewVaccineBody): Promise<Vaccine> {
    assertNational(staff);
    const { vaccine, problems } = checkVaccine(input);
    assertNoProblems(problems);
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await catalogueStore.insertVaccine(trx, vaccine, this.deps.clock.now());
        await this.deps.access.record({ type: 'vaccine.created', actor: staff, outcome: 'done', ip: staff.ip, detail: { vaccine: vaccine.name } }, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('VACCINE_EXISTS', 409, `vaccine: ${vaccine.name} is already in the catalogue; edit it instead.`, 'vaccine');
      throw error;
    }
    await this.load();
    return vaccine;
  }

  /**
   * Edits intervals, cap, codes, manufacturer or age rules; the name never changes, since sessions,
   * fees, stock and dose records name vaccines by it. Lowering the cap lowers private centres' fees
   * above it to the cap in the same transaction, as Co-WIN did when prices were capped.
   */
  async update(staff: StaffActor, name: string, changes: VaccineChanges): Promise<{ vaccine: Vaccine; feesCapped: number }> {
    assertNational(staff);
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const current = await catalogueStore.selectVaccineForUpdate(trx, name.trim().toUpperCase());
      if (!current) throw notFound('vaccine');
      const { vaccine, problems } = checkVaccine({ ...vaccineView(current), ...changes });
      assertNoProblems(problems);
      await catalogueStore.updateVaccine(trx, vaccine, this.deps.clock.now());
      const feesCapped = vaccine.privatePriceRupees < current.privatePriceRupees ? await store.capFees(trx, vaccine.name, vaccine.privatePriceRupees) : 0;
      await this.deps.access.record({
        type: 'vaccine.updated', actor: staff, outcome: 'done', ip: staff.ip,
        detail: { vaccine: vaccine.name, fields: Object.keys(changes).sort().join(','), fees_capped: feesCapped },
      }, trx);
      return { vaccine, feesCapped };
    });
    await this.load();
    return result;
  }

  private current(): VaccineLookup {
    const snapshot = snapshots.get(this.deps.db);
    if (!snapshot) throw new Error('the vaccine catalogue is used before load()');
    return snapshot;
  }
}

/** The route allows national administrators only; this keeps the rule if another caller appears. */
function assertNational(staff: StaffActor): void {
  if (staff.role !== 'national_admin' || staff.scope.level !== 'nation') throw roleForbidden();
}
