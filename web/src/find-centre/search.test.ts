import { describe, expect, it } from 'vitest';
import { normalisePincode, readSearch, writeSearch } from './search.js';

const today = '2021-09-24';

describe('the search in the address bar', () => {
  it('reads a PIN search and a district search', () => {
    expect(readSearch(new URLSearchParams('pincode=400080'), today)).toEqual({ query: { by: 'pin', pincode: '400080' }, from: today });
    expect(readSearch(new URLSearchParams('state=21&district=395&from=2021-09-30'), today)).toEqual({
      query: { by: 'district', districtId: 395 }, stateId: 21, from: '2021-09-30',
    });
  });

  it('opens an old link on today, since past sessions cannot be booked', () => {
    expect(readSearch(new URLSearchParams('pincode=400080&from=2021-09-01'), today)?.from).toBe(today);
    expect(readSearch(new URLSearchParams('pincode=400080&from=nonsense'), today)?.from).toBe(today);
  });

  it('ignores what is not a search', () => {
    expect(readSearch(new URLSearchParams(''), today)).toBeUndefined();
    expect(readSearch(new URLSearchParams('pincode=12'), today)).toBeUndefined();
    expect(readSearch(new URLSearchParams('district=-3'), today)).toBeUndefined();
  });

  it('writes what it reads, leaving today out of the address', () => {
    const params = writeSearch({ query: { by: 'district', districtId: 395 }, stateId: 21, from: today }, today);
    expect(params.toString()).toBe('state=21&district=395');
    expect(readSearch(params, today)).toEqual({ query: { by: 'district', districtId: 395 }, stateId: 21, from: today });
  });
});

describe('normalisePincode', () => {
  it('takes six digits, with the spaces people type', () => {
    expect(normalisePincode('400080')).toBe('400080');
    expect(normalisePincode(' 400 080 ')).toBe('400080');
  });

  it('refuses anything else', () => {
    expect(normalisePincode('12')).toBeUndefined();
    expect(normalisePincode('4000800')).toBeUndefined();
    expect(normalisePincode('40008O')).toBeUndefined();
  });
});
