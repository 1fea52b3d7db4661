import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DatabaseHandle } from '../../core/db.js';
import { migrate } from '../../core/migrate.js';
import { selectVaccines } from './catalogue-store.js';
import { foundingCatalogue } from './founding-catalogue.test-support.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await openPglite(undefined);
  await migrate(database);
});
afterAll(() => database.close());

describe('the vaccine catalogue migration', () => {
  it('seeds exactly the five vaccines, with the values of vaccines.ts, the EU value sets and the CVX codes', async () => {
    const seeded = await selectVaccines(database.db);
    const founding = foundingCatalogue();
    expect(seeded.map((v) => v.name)).toEqual(founding.map((v) => v.name).sort());
    for (const vaccine of founding) expect(seeded.find((v) => v.name === vaccine.name)).toEqual({ ...vaccine, ageGroups: [...vaccine.ageGroups] });
  });
});
