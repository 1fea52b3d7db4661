import { formatCowinDate } from '../../core/calendar-date.js';
import { photoIdTypeById } from '../../modules/beneficiaries/id-documents.js';
import type { FamilyOverview } from '../../modules/beneficiaries/overview.js';
import { genderById } from '../../modules/beneficiaries/person-fields.js';
import { vaccinationStatusOf } from '../../modules/vaccination/service.js';
import type { BeneficiaryView } from './citizen-schema.js';

/** Co-WIN's beneficiaries list: masked ID, last 4 digits of the mobile, status texts as Co-WIN wrote them. */
export function presentBeneficiaries(overview: FamilyOverview): { beneficiaries: BeneficiaryView[] } {
  return {
    beneficiaries: overview.members.map(({ member, name, doses, appointments }) => {
      const doseOn = (n: number) => {
        const dose = doses.find((d) => d.dose === n);
        return dose ? formatCowinDate(dose.administeredOn) : '';
      };
      return {
        beneficiary_reference_id: member.referenceId,
        name: name.reveal(),
        birth_year: String(member.birthYear),
        gender: genderById(member.genderId)?.gender ?? '',
        mobile_number: overview.mobileLastFour,
        photo_id_type: photoIdTypeById(member.photoIdType)?.type ?? '',
        photo_id_number: member.photoIdMasked,
        comorbidity_ind: member.comorbidity ? 'Y' : 'N',
        vaccination_status: vaccinationStatusOf(doses),
        vaccine: doses.find((d) => d.dose === 1)?.vaccine ?? '',
        dose1_date: doseOn(1),
        dose2_date: doseOn(2),
        appointments: appointments.map(({ appointment, session, facility, place }) => ({
          appointment_id: appointment.booking_id,
          center_id: facility.id,
          name: facility.name,
          state_name: place?.stateName ?? '',
          district_name: place?.districtName ?? '',
          block_name: facility.blockName,
          from: facility.opensAt,
          to: facility.closesAt,
          dose: appointment.dose,
          session_id: session.id,
          date: formatCowinDate(session.date),
          slot: appointment.slot,
        })),
      };
    }),
  };
}
