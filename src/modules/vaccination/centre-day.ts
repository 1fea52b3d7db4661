import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import { notFound } from '../../core/errors.js';
import type { AccessService } from '../access/service.js';
import type { BookingService } from '../appointments/booking.js';
import { genderById } from '../beneficiaries/person-fields.js';
import type { BeneficiaryService } from '../beneficiaries/service.js';
import type { Vaccinator } from './encounter.js';

/** What the roster reads of a booked person: never the ID number or mobile. */
const rosterFields = ['name', 'birth_year', 'gender'] as const;

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
    const members = await beneficiaries.membersByIds(rows.map((row) => row.beneficiary_id));
    const listed = rows.filter((row) => members.has(row.beneficiary_id));
    // One recorded read per booked person, in roster order, in one batch. A refusal part-way (a
    // budget spent, the credential suspended by what it read, someone cancelled since the list was
    // read) fails the whole roster, as when each person was read in turn: the reads before it stay
    // recorded and no name is shown. A budget refusal suspends the credential (decision 0015), so a
    // part of the list would only go to a login that has just been stopped.
    const tickets = await access.authorizeMany(staff, listed.filter((row) => row.status === 'booked').map((row) => ({
      subject: { kind: 'beneficiary' as const, id: row.beneficiary_id }, purpose: 'vaccination-roster' as const, fields: rosterFields,
    })));
    const personal = await beneficiaries.readPersonalOfMany(tickets);
    return listed.map((row) => {
      const member = members.get(row.beneficiary_id)!;
      let name: string | null = null;
      if (row.status === 'booked') {
        const details = personal.get(member.id);
        if (!details) throw notFound('beneficiary');
        name = details.name.reveal();
      }
      return {
        appointmentId: row.id, slot: row.slot, dose: row.dose, vaccine: row.vaccine, status: row.status === 'completed' ? 'completed' : 'booked',
        name, age: Number(today.slice(0, 4)) - member.birthYear, gender: genderById(member.genderId)?.gender ?? '', photoIdMasked: member.photoIdMasked,
        walkIn: row.walk_in,
      };
    });
  }
}
