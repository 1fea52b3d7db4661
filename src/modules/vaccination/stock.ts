import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import { isUniqueViolation, type Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import type { FacilityService } from '../facilities/service.js';
import type { GeographyService } from '../geography/service.js';
import { assertWithinScope, placeOfFacility } from '../staff/scope.js';
import type { VaccineLookup } from './vaccines.js';
import * as store from './store.js';

type Staff = Actor & { kind: 'staff' };

export interface Batch {
  id: string;
  vaccine: string;
  batchNumber: string;
  expiresOn: string;
  quantityReceived: number;
  quantityLeft: number;
  usable: boolean;
}

/** Vaccine batches and stock per centre. An expired batch stays listed (to account for it) but cannot be used. */
export class StockService {
  constructor(private readonly deps: {
    db: Db; clock: Clock; access: AccessService; facilities: FacilityService; geography: GeographyService; vaccines: VaccineLookup;
  }) {}

  async receiveBatch(staff: Staff, facilityId: number, input: { vaccine: unknown; batchNumber: unknown; expiresOn: unknown; quantity: unknown }): Promise<Batch> {
    const { db, clock, access, facilities, geography, vaccines } = this.deps;
    assertWithinScope(staff.scope, await placeOfFacility(geography, facilities, facilityId));
    const vaccine = vaccines.byName(String(input.vaccine ?? ''));
    if (!vaccine) throw new AppError('INVALID_INPUT', 400, `vaccine must be one of ${vaccines.list().map((v) => v.name).join(', ')}`, 'vaccine');
    const batchNumber = String(input.batchNumber ?? '').trim().toUpperCase();
    if (!/^[0-9A-Z][0-9A-Z/-]{2,29}$/.test(batchNumber)) throw new AppError('INVALID_INPUT', 400, 'batch_number must be 3 to 30 letters, digits, / or -', 'batch_number');
    const expiresOn = String(input.expiresOn ?? '');
    const today = todayInIndia(clock.now());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn) || Number.isNaN(Date.parse(expiresOn))) throw new AppError('INVALID_INPUT', 400, 'expires_on must be a date, YYYY-MM-DD', 'expires_on');
    if (expiresOn < today) throw new AppError('INVALID_INPUT', 400, 'This batch has already expired; expired vaccine cannot be received into stock.', 'expires_on');
    const quantity = Number(input.quantity);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) throw new AppError('INVALID_INPUT', 400, 'quantity must be a whole number of doses from 1 to 100000', 'quantity');
    const id = randomUUID();
    try {
      await db.transaction().execute(async (trx) => {
        await store.insertBatch(trx, {
          id, facility_id: facilityId, vaccine: vaccine.name, batch_number: batchNumber, expires_on: expiresOn,
          quantity_received: quantity, quantity_left: quantity, received_at: clock.now(),
        });
        await access.record({ type: 'stock.received', actor: staff, outcome: 'done', ip: staff.ip, detail: { facility_id: facilityId, vaccine: vaccine.name, batch: batchNumber, quantity } }, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('BATCH_EXISTS', 409, `Batch ${batchNumber} of ${vaccine.name} is already in this centre's stock.`, 'batch_number');
      throw error;
    }
    return { id, vaccine: vaccine.name, batchNumber, expiresOn, quantityReceived: quantity, quantityLeft: quantity, usable: true };
  }

  async batchesAt(staff: Staff, facilityId: number): Promise<Batch[]> {
    assertWithinScope(staff.scope, await placeOfFacility(this.deps.geography, this.deps.facilities, facilityId));
    const today = todayInIndia(this.deps.clock.now());
    return (await store.selectBatches(this.deps.db, facilityId)).map((b) => ({
      id: b.id, vaccine: b.vaccine, batchNumber: b.batch_number, expiresOn: b.expires_on, quantityReceived: b.quantity_received,
      quantityLeft: b.quantity_left, usable: b.expires_on >= today && b.quantity_left > 0,
    }));
  }
}
