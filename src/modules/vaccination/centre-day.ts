import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import { notFound } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { BookingService } from '../appointments/booking.js';
import { genderById } from '../beneficiaries/person-fields.js';
import type { BeneficiaryService } from '../beneficiaries/service.js';
import type { Vaccinator } from './encounter.js';

export interface RosterEntry {
  appointmentId: string;
  slot: string;
  dose: number;
  vaccine: string;
  status: 'booked' | 'completed';
  /** Shown only while the appointment is to be done; a finished one needs no name on screen. */
  name: string | null;
  age: number;
  gender: string;
  photoIdMasked: string;
  /** Registered at the centre today rather than booked. */
  walkIn: boolean;
}

/**
 * The vaccinator's day: today's appointments at their own centre, with name, age, gender and the
 * masked photo ID only (each name read is a recorded access under the roster grant). There is no
 * way here to ask for anyone who is not booked at this centre today.
 */
export class CentreDayService {
  constructor(private readonly deps: { clock: Clock; access: AccessService; booking: BookingService; beneficiaries: BeneficiaryService }) {}

  async roster(staff: Vaccinator): Promise<RosterEntry[]> {
    if (staff.scope.level !== 'facility') throw notFound('centre');
    const { clock, access, booking, beneficiaries } = this.deps;
    const today = todayInIndia(clock.now());
    const rows = await booking.rosterAt(staff.scope.facilityId, today);
    const entries: RosterEntry[] = [];
    for (const row of rows) {
      const member = await beneficiaries.memberById(row.beneficiary_id);
      if (!member) continue;
      let name: string | null = null;
      if (row.status === 'booked') {
        const ticket = await access.authorize(staff, {
          subject: { kind: 'beneficiary', id: member.id }, purpose: 'vaccination-roster', fields: ['name', 'birth_year', 'gender'],
        });
        name = (await beneficiaries.readPersonal(ticket)).name.reveal();
      }
      entries.push({
        appointmentId: row.id, slot: row.slot, dose: row.dose, vaccine: row.vaccine, status: row.status === 'completed' ? 'completed' : 'booked',
        name, age: Number(today.slice(0, 4)) - member.birthYear, gender: genderById(member.genderId)?.gender ?? '', photoIdMasked: member.photoIdMasked,
        walkIn: row.walk_in,
      });
    }
    return entries;
  }
}
