import type { SessionAvailability } from '../appointments/schema.js';
import type { AppointmentRow } from '../appointments/store.js';
import type { Facility } from '../facilities/schema.js';
import type { DistrictPlace } from '../geography/schema.js';
import type { Dose } from '../vaccination/service.js';
import type { Services } from '../../services.js';
import type { Citizen } from '../../api/citizen.js';
import type { Sensitive } from '../../core/sensitive.js';
import type { Member } from './service.js';

export interface MemberOverview {
  member: Member;
  name: Sensitive<string>;
  doses: Dose[];
  appointments: {
    appointment: AppointmentRow;
    session: SessionAvailability;
    facility: Facility;
    place: DistrictPlace | undefined;
  }[];
}

export interface FamilyOverview {
  mobileLastFour: string;
  members: MemberOverview[];
}

/**
 * Everything the "my family" screen and Co-WIN's beneficiaries list show, for the logged-in
 * account only. Each name is read through a ticket, so a member of another account cannot appear.
 */
export async function familyOverview(
  services: Pick<Services, 'identity' | 'beneficiaries' | 'access' | 'vaccination' | 'booking' | 'availability' | 'geography'>,
  citizen: Citizen,
): Promise<FamilyOverview> {
  const members = await services.beneficiaries.listMembers(citizen.accountId);
  const [doses, live, mobileLastFour] = await Promise.all([
    services.vaccination.dosesOf(members.map((m) => m.id)),
    services.booking.liveAppointmentsOf(citizen.accountId),
    services.identity.mobileLastFour(citizen.accountId),
  ]);
  const sessions = await services.availability.sessionsWithCentres(live.map((a) => a.session_id));
  const overview: MemberOverview[] = [];
  for (const member of members) {
    const ticket = await services.access.authorize(citizen, { subject: { kind: 'beneficiary', id: member.id }, purpose: 'self-service', fields: ['name'] });
    const { name } = await services.beneficiaries.readPersonal(ticket);
    overview.push({
      member,
      name,
      doses: doses.get(member.id) ?? [],
      appointments: live
        .filter((a) => a.beneficiary_id === member.id && sessions.has(a.session_id))
        .map((appointment) => {
          const { session, facility } = sessions.get(appointment.session_id)!;
          return { appointment, session, facility, place: services.geography.placeOf(facility.districtId) };
        }),
    });
  }
  return { mobileLastFour, members: overview };
}
