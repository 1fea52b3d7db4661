import { describe, expect, it } from 'vitest';
import type { BeneficiaryView } from '../../../../src/api/cowin-v2/citizen-schema.js';
import { planBooking } from './booking-plan.js';

function member(ref: string, overrides: Partial<BeneficiaryView> = {}): BeneficiaryView {
  return {
    beneficiary_reference_id: ref, name: `Member ${ref}`, birth_year: '1980', gender: 'Female', mobile_number: '3210',
    photo_id_type: 'Aadhaar Card', photo_id_number: 'XXXX-XXXX-0124', comorbidity_ind: 'N', vaccination_status: 'Not Vaccinated',
    vaccine: '', dose1_date: '', dose2_date: '', appointments: [], ...overrides,
  };
}

const appointment = {
  appointment_id: '7b3b3b1e-5d35-4d6e-9b1a-1d4a3e0c2f10', center_id: 1, name: 'Centre', state_name: 'Maharashtra',
  district_name: 'Mumbai', block_name: 'Ward T', from: '09:00:00', to: '17:00:00', dose: 1,
  session_id: '1c0a7a1e-2f55-4c45-8b8a-5f6d8a7e9b01', date: '01-12-2026', slot: '09:00AM-10:00AM',
};

describe('planning a booking', () => {
  it('offers to book the clicked member first, with others due the same dose', () => {
    const family = [member('1'), member('2', { vaccination_status: 'Partially Vaccinated', vaccine: 'COVAXIN', dose1_date: '01-10-2026' }), member('3')];
    const plan = planBooking(family, '3', undefined);
    expect(plan.kind).toBe('book');
    if (plan.kind === 'book') {
      expect(plan.dose).toBe(1);
      expect(plan.candidates.map((m) => m.beneficiary_reference_id)).toEqual(['3', '1']);
    }
  });

  it('groups dose 2 only with the same vaccine', () => {
    const dose2 = { vaccination_status: 'Partially Vaccinated' as const, dose1_date: '01-10-2026' };
    const family = [member('1', { ...dose2, vaccine: 'COVAXIN' }), member('2', { ...dose2, vaccine: 'COVISHIELD' }), member('3', { ...dose2, vaccine: 'COVAXIN' })];
    const plan = planBooking(family, '1', undefined);
    expect(plan.kind === 'book' && plan.candidates.map((m) => m.beneficiary_reference_id)).toEqual(['1', '3']);
  });

  it('moves everyone in the booking when rescheduling', () => {
    const family = [member('1', { appointments: [appointment] }), member('2', { appointments: [appointment] }), member('3')];
    const plan = planBooking(family, '2', appointment.appointment_id);
    expect(plan.kind === 'reschedule' && plan.party.map((m) => m.beneficiary_reference_id)).toEqual(['1', '2']);
  });

  it('says why it cannot book', () => {
    const family = [member('1', { appointments: [appointment] }), member('2', { vaccination_status: 'Vaccinated' })];
    expect(planBooking(family, '9', undefined).kind).toBe('unknown-member');
    expect(planBooking(family, '1', undefined).kind).toBe('has-appointment');
    expect(planBooking(family, '2', undefined).kind).toBe('not-due');
    expect(planBooking(family, '1', 'another').kind).toBe('unknown-appointment');
  });
});
