import { describe, expect, it } from 'vitest';
import { checkCentre } from './centre-rules.js';
import { foundingLookup } from './founding-catalogue.test-support.js';
import type { CentreBody } from './schema.js';

const context = { catalogue: foundingLookup(), district: { name: 'Mumbai ', pincodes: [400001, 400002] } };
const centre = (over: Partial<CentreBody> = {}): CentreBody => ({
  centre_name: 'Lifeline  Hospital Mumbai', address: '12, MG Road, Fort, Mumbai', district_id: 395, block_name: 'Fort', pincode: 400001,
  lat: 18.93, long: 72.83, opens_at: '09:00', closes_at: '17:00', ownership: 'Private', fee_type: 'Paid',
  vaccines: [{ vaccine: 'covaxin', fee: 1200 }], ...over,
});

describe('centre rules', () => {
  it('normalises a valid centre', () => {
    const { draft, problems, notices } = checkCentre(centre(), context);
    expect(problems).toEqual([]);
    expect(notices).toEqual([]);
    expect(draft).toMatchObject({ name: 'Lifeline Hospital Mumbai', opensAt: '09:00:00', closesAt: '17:00:00', vaccines: [{ vaccine: 'COVAXIN', fee: 1200 }] });
  });

  it('sets a Paid fee above the national cap to the cap, with a notice naming the field', () => {
    const { draft, problems, notices } = checkCentre(centre({ vaccines: [{ vaccine: 'COVISHIELD', fee: 700 }, { vaccine: 'COVAXIN', fee: 1500 }] }), context);
    expect(problems).toEqual([]);
    expect(draft.vaccines).toEqual([{ vaccine: 'COVISHIELD', fee: 700 }, { vaccine: 'COVAXIN', fee: 1410 }]);
    expect(notices).toEqual([{ field: 'vaccines[1].fee', notice: 'COVAXIN costs at most ₹1410 a dose at private centres; the fee of ₹1500 was set to ₹1410.' }]);
  });

  it('keeps government centres free and Free centres without fees', () => {
    expect(checkCentre(centre({ ownership: 'Govt' }), context).problems.map((p) => p.field)).toEqual(['fee_type']);
    expect(checkCentre(centre({ fee_type: 'Free' }), context).problems.map((p) => p.field)).toEqual(['vaccines[0].fee']);
    const free = checkCentre(centre({ ownership: 'Govt', fee_type: 'Free', vaccines: [{ vaccine: 'COVISHIELD' }] }), context);
    expect(free.problems).toEqual([]);
    expect(free.draft.vaccines).toEqual([{ vaccine: 'COVISHIELD', fee: 0 }]);
    expect(checkCentre(centre({ vaccines: [{ vaccine: 'COVAXIN' }] }), context).problems.map((p) => p.field)).toEqual(['vaccines[0].fee']);
  });

  it('checks the PIN code against the district\'s, or for 6 digits where none are listed', () => {
    expect(checkCentre(centre({ pincode: 110001 }), context).problems).toEqual([
      { field: 'pincode', error: 'pincode 110001 is not a PIN code of Mumbai; check the PIN code or the district' },
    ]);
    expect(checkCentre(centre({ pincode: 110001 }), { ...context, district: { name: 'Agatti Island', pincodes: [] } }).problems).toEqual([]);
    expect(checkCentre(centre({ pincode: 12345 }), context).problems.map((p) => p.field)).toEqual(['pincode']);
  });

  it('reports every field that is wrong, each by name', () => {
    const { problems } = checkCentre(centre({
      centre_name: 'x', address: '', block_name: '', pincode: Number.NaN, lat: 40, long: 60, opens_at: '9am', closes_at: '17:00',
      ownership: 'Trust' as never, fee_type: 'Paid', vaccines: [{ vaccine: 'ZYCOV-D', fee: 100 }, { vaccine: 'COVAXIN', fee: 0 }, { vaccine: 'covaxin', fee: 5 }],
    }), context);
    expect(problems.map((p) => p.field)).toEqual([
      'centre_name', 'address', 'block_name', 'pincode', 'lat', 'long', 'opens_at', 'ownership', 'vaccines[0].vaccine', 'vaccines[1].fee', 'vaccines[2].vaccine',
    ]);
    for (const p of problems) expect(p.error.startsWith(p.field.replace(/\[.*$/, ''))).toBe(true);
    expect(checkCentre(centre({ opens_at: '17:00', closes_at: '09:00' }), context).problems.map((p) => p.field)).toEqual(['closes_at']);
    expect(checkCentre(centre({ vaccines: [] }), context).problems.map((p) => p.field)).toEqual(['vaccines']);
  });
});
