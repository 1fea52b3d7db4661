import type { Db } from '../../core/db.js';
import type { Selectable } from 'kysely';
import type { VaccineTable } from '../../core/db-tables.js';
import type { Vaccine } from '../vaccination/vaccines.js';

const columns = [
  'name', 'manufacturer', 'doses_in_series', 'dose2_after_days', 'precaution_after_days', 'private_price_cap',
  'eu_vp', 'eu_mp', 'eu_ma', 'cvx_code', 'age_groups',
] as const;

type VaccineRow = Pick<Selectable<VaccineTable>, (typeof columns)[number]>;

function toVaccine(row: VaccineRow): Vaccine {
  return {
    name: row.name,
    manufacturer: row.manufacturer,
    dosesInSeries: row.doses_in_series,
    dose2AfterDays: row.dose2_after_days,
    precautionAfterDays: row.precaution_after_days,
    privatePriceRupees: row.private_price_cap,
    euDcc: { vp: row.eu_vp, mp: row.eu_mp, ma: row.eu_ma },
    cvxCode: row.cvx_code,
    ageGroups: row.age_groups.map((g) => ({ minAge: g.min_age, maxAge: g.max_age, allowAllAge: g.allow_all_age })),
  };
}

function toRow(vaccine: Vaccine) {
  return {
    name: vaccine.name,
    manufacturer: vaccine.manufacturer,
    doses_in_series: vaccine.dosesInSeries,
    dose2_after_days: vaccine.dose2AfterDays,
    precaution_after_days: vaccine.precautionAfterDays,
    private_price_cap: vaccine.privatePriceRupees,
    eu_vp: vaccine.euDcc.vp,
    eu_mp: vaccine.euDcc.mp,
    eu_ma: vaccine.euDcc.ma,
    cvx_code: vaccine.cvxCode,
    age_groups: JSON.stringify(vaccine.ageGroups.map((g) => ({ min_age: g.minAge, max_age: g.maxAge, allow_all_age: g.allowAllAge }))),
  };
}

export async function selectVaccines(db: Db): Promise<Vaccine[]> {
  const rows = await db.selectFrom('vaccine').select(columns).orderBy('name').execute();
  return rows.map(toVaccine);
}

/** The row locked until the editing transaction ends, so two edits of one vaccine apply one after the other. */
export async function selectVaccineForUpdate(trx: Db, name: string): Promise<Vaccine | undefined> {
  const row = await trx.selectFrom('vaccine').select(columns).where('name', '=', name).forUpdate().executeTakeFirst();
  return row && toVaccine(row);
}

export async function insertVaccine(trx: Db, vaccine: Vaccine, at: Date): Promise<void> {
  await trx.insertInto('vaccine').values({ ...toRow(vaccine), updated_at: at }).execute();
}

export async function updateVaccine(trx: Db, vaccine: Vaccine, at: Date): Promise<void> {
  const { name, ...fields } = toRow(vaccine);
  await trx.updateTable('vaccine').set({ ...fields, updated_at: at }).where('name', '=', name).execute();
}
