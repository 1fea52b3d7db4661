import type { BeneficiaryView } from '../../../../src/api/cowin-v2/citizen-schema.js';
import { nextDoseOf } from '../use-family.js';

type Appointment = BeneficiaryView['appointments'][number];

/**
 * What the booking page can do for the member in its address: book their next dose (with others
 * due the same dose, if the citizen wants), or move an appointment they already have.
 */
export type BookingPlan =
  | { kind: 'book'; dose: number; vaccine: string; member: BeneficiaryView; candidates: BeneficiaryView[] }
  | { kind: 'reschedule'; dose: number; vaccine: string; member: BeneficiaryView; appointment: Appointment; party: BeneficiaryView[] }
  | { kind: 'unknown-member' }
  | { kind: 'unknown-appointment' }
  | { kind: 'not-due'; member: BeneficiaryView }
  | { kind: 'has-appointment'; member: BeneficiaryView };

export function planBooking(members: readonly BeneficiaryView[], referenceId: string, rescheduleId: string | undefined): BookingPlan {
  const member = members.find((m) => m.beneficiary_reference_id === referenceId);
  if (!member) return { kind: 'unknown-member' };
  if (rescheduleId !== undefined) {
    const appointment = member.appointments.find((a) => a.appointment_id === rescheduleId);
    if (!appointment) return { kind: 'unknown-appointment' };
    // One booking may hold several members; moving it moves them all.
    const party = members.filter((m) => m.appointments.some((a) => a.appointment_id === rescheduleId));
    return { kind: 'reschedule', dose: appointment.dose, vaccine: member.vaccine, member, appointment, party };
  }
  if (member.appointments.length > 0) return { kind: 'has-appointment', member };
  const dose = nextDoseOf(member);
  if (dose === undefined) return { kind: 'not-due', member };
  const candidates = members.filter((m) => m.appointments.length === 0 && nextDoseOf(m) === dose && (dose !== 2 || m.vaccine === member.vaccine));
  // The member the citizen clicked comes first.
  candidates.sort((a, b) => Number(b === member) - Number(a === member));
  return { kind: 'book', dose, vaccine: member.vaccine, member, candidates };
}
