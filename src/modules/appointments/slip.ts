import { PDFDocument } from 'pdf-lib';
import type { Citizen } from '../../api/citizen.js';
import { formatCowinDate } from '../../core/calendar-date.js';
import { notFound } from '../../core/errors.js';
import type { Services } from '../../services.js';
import { photoIdTypeById } from '../beneficiaries/id-documents.js';
import { genderById } from '../beneficiaries/person-fields.js';
import { renderAppointmentSlip, type AppointmentSlip } from './slip-pdf.js';

/**
 * The appointment slip of a booking, one page per member, for the account that booked it. It is
 * the one place besides the SMS where the security codes appear; names are read with a ticket.
 */
export async function appointmentSlipPdf(
  services: Pick<Services, 'booking' | 'beneficiaries' | 'access' | 'availability' | 'geography'>,
  citizen: Citizen,
  bookingId: string,
): Promise<Uint8Array> {
  const rows = await services.booking.liveBooking(citizen.accountId, bookingId);
  if (rows.length === 0) throw notFound('appointment');
  const [codes, sessions, members] = await Promise.all([
    services.booking.securityCodes(citizen, bookingId),
    services.availability.sessionsWithCentres(rows.map((r) => r.session_id)),
    services.beneficiaries.listMembers(citizen.accountId),
  ]);
  const merged = await PDFDocument.create();
  merged.setTitle('Vaccination appointment slip');
  merged.setCreator('Teeka');
  merged.setProducer('Teeka');
  merged.setCreationDate(rows[0]!.created_at);
  merged.setModificationDate(rows[0]!.created_at);
  for (const row of rows) {
    const member = members.find((m) => m.id === row.beneficiary_id);
    const booked = sessions.get(row.session_id);
    if (!member || !booked) continue;
    const ticket = await services.access.authorize(citizen, {
      subject: { kind: 'beneficiary', id: member.id }, purpose: 'appointment-slip', fields: ['name', 'security_code'],
    });
    const { name } = await services.beneficiaries.readPersonal(ticket);
    const place = services.geography.placeOf(booked.facility.districtId);
    const fee = booked.facility.fees.find((f) => f.vaccine === booked.session.vaccine)?.fee;
    const slip: AppointmentSlip = {
      appointmentId: bookingId,
      referenceId: member.referenceId,
      name: name.reveal(),
      birthYear: member.birthYear,
      gender: genderById(member.genderId)?.gender ?? '',
      photoIdType: photoIdTypeById(member.photoIdType)?.type ?? '',
      photoIdMasked: member.photoIdMasked,
      dose: row.dose,
      vaccine: booked.session.vaccine,
      date: formatCowinDate(booked.session.date),
      slot: row.slot,
      centreName: booked.facility.name,
      centreAddress: booked.facility.address,
      blockName: booked.facility.blockName,
      districtName: place?.districtName.trim() ?? '',
      stateName: place?.stateName ?? '',
      pincode: booked.facility.pincode,
      feeType: booked.facility.feeType,
      ...(booked.facility.feeType === 'Paid' && fee !== undefined ? { fee: String(fee) } : {}),
      securityCode: codes.get(member.id) ?? '',
      bookedAt: row.created_at,
    };
    const page = await PDFDocument.load(await renderAppointmentSlip(slip));
    for (const copied of await merged.copyPages(page, page.getPageIndices())) merged.addPage(copied);
  }
  return merged.save({ useObjectStreams: false });
}
