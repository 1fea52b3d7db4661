import type { IsoDate } from '../../core/calendar-date.js';
import type { Db } from '../../core/db.js';
import * as store from './store.js';

export interface Dose {
  dose: number;
  vaccine: string;
  administeredOn: IsoDate;
}

/** Co-WIN's status texts; clients compare them as exact strings. */
export type VaccinationStatus = 'Not Vaccinated' | 'Partially Vaccinated' | 'Vaccinated';

export function vaccinationStatusOf(doses: readonly Dose[]): VaccinationStatus {
  const primary = doses.filter((d) => d.dose <= 2).length;
  if (primary === 0) return 'Not Vaccinated';
  return primary === 1 ? 'Partially Vaccinated' : 'Vaccinated';
}

/** Doses given, as recorded at the centre. Recording them arrives with the vaccinator's module. */
export class VaccinationService {
  constructor(private readonly db: Db) {}

  async dosesOf(beneficiaryIds: string[], db: Db = this.db): Promise<Map<string, Dose[]>> {
    const doses = new Map<string, Dose[]>();
    for (const row of await store.selectDoses(db, beneficiaryIds)) {
      const list = doses.get(row.beneficiary_id) ?? [];
      list.push({ dose: row.dose, vaccine: row.vaccine, administeredOn: row.administered_on as IsoDate });
      doses.set(row.beneficiary_id, list);
    }
    return doses;
  }
}
