import { describe, expect, it } from 'vitest';
import { usableBatchesOf, type Batch } from './stock-api.js';

const batch = (overrides: Partial<Batch>): Batch => ({
  id: overrides.batch_number ?? 'B', vaccine: 'COVISHIELD', batch_number: 'B', expires_on: '2030-01-01',
  quantity_received: 10, quantity_left: 10, usable: true, ...overrides,
});

describe('the batches a vaccinator may choose', () => {
  it('are the usable ones of the session\'s vaccine, the soonest to expire first', () => {
    const batches = [
      batch({ batch_number: 'LATE', expires_on: '2031-06-01' }),
      batch({ batch_number: 'SOON', expires_on: '2030-02-01' }),
      batch({ batch_number: 'OTHER', vaccine: 'COVAXIN' }),
      batch({ batch_number: 'EXPIRED', usable: false }),
      batch({ batch_number: 'EMPTY', quantity_left: 0, usable: false }),
    ];
    expect(usableBatchesOf(batches, 'COVISHIELD').map((b) => b.batch_number)).toEqual(['SOON', 'LATE']);
  });
});
