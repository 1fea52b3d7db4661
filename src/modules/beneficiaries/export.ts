import type { Citizen } from '../../api/citizen.js';
import { formatCowinDate } from '../../core/calendar-date.js';
import type { Services } from '../../services.js';
import { exportedAccessHistory } from './access-history.js';
import { presentCorrection } from './corrections.js';
import { photoIdTypeById } from './id-documents.js';
import { genderById } from './person-fields.js';

/**
 * Everything Teeka holds on an account, decrypted for its owner only (DPDP Act 2023 §11: the right
 * to a summary of one's personal data and of whom it was shared with). Every read is a ticket with
 * purpose "export", which the access log records even for the owner.
 */
export async function exportMyData(
  services: Pick<Services, 'clock' | 'access' | 'accessHistory' | 'identity' | 'beneficiaries' | 'vaccination' | 'booking' | 'availability' | 'corrections'>,
  citizen: Citizen,
) {
  const { access, identity, beneficiaries } = services;
  const accountTicket = await access.authorize(citizen, { subject: { kind: 'account', id: citizen.accountId }, purpose: 'export', fields: ['mobile'] });
  const mobile = await identity.readMobile(accountTicket);
  const members = await beneficiaries.listMembers(citizen.accountId);
  const [doses, live, corrections] = await Promise.all([
    services.vaccination.dosesOf(members.map((m) => m.id)),
    services.booking.liveAppointmentsOf(citizen.accountId),
    services.corrections.listOwn(citizen),
  ]);
  const sessions = await services.availability.sessionsWithCentres(live.map((a) => a.session_id));
  const memberViews = [];
  for (const member of members) {
    const ticket = await access.authorize(citizen, {
      subject: { kind: 'beneficiary', id: member.id }, purpose: 'export', fields: ['name', 'photo_id', 'birth_year', 'gender'],
    });
    const personal = await beneficiaries.readPersonal(ticket);
    memberViews.push({
      beneficiary_reference_id: member.referenceId,
      name: personal.name.reveal(),
      birth_year: member.birthYear,
      gender: genderById(member.genderId)?.gender ?? '',
      photo_id_type: photoIdTypeById(member.photoIdType)?.type ?? '',
      photo_id_number: personal.photoIdNumber.reveal(),
      comorbidity_ind: member.comorbidity ? 'Y' : 'N',
      doses: (doses.get(member.id) ?? []).map((d) => ({ dose: d.dose, vaccine: d.vaccine, date: formatCowinDate(d.administeredOn) })),
      appointments: live.filter((a) => a.beneficiary_id === member.id).flatMap((a) => {
        const booked = sessions.get(a.session_id);
        return booked ? [{
          appointment_id: a.booking_id, center_id: booked.facility.id, name: booked.facility.name, dose: a.dose,
          session_id: a.session_id, date: formatCowinDate(booked.session.date), slot: a.slot,
        }] : [];
      }),
    });
  }
  const history = await exportedAccessHistory(services, citizen);
  return {
    exported_at: services.clock.now().toISOString(),
    account: { mobile: mobile.reveal() },
    members: memberViews,
    correction_requests: corrections.map(presentCorrection),
    // Told as "Who accessed my data" tells it (decision 0016), with the citizen's own acts as "you".
    access_history: history,
  };
}
