import type { TFunction } from 'i18next';
import type { AccessHistoryEntry, AccessWho } from './my-data-types.js';

type CitizenT = TFunction<'citizen'>;

function labelOf<T extends object>(labels: T, key: string | null | undefined): string | undefined {
  return key != null && key in labels ? String(labels[key as keyof T]) : undefined;
}

/** "Vaccinator at PHC Andheri (Mumbai)", "District administrator, Pune district", "DigiLocker (partner service)". */
export function whoWords(t: CitizenT, who: AccessWho): string {
  switch (who.kind) {
    case 'staff': {
      const role = labelOf(t('whoAccessed.roles', { returnObjects: true }), who.role) ?? t('whoAccessed.who.staff');
      if (who.centre) return who.district ? t('whoAccessed.who.atCentre', { role, centre: who.centre, district: who.district }) : t('whoAccessed.who.atCentreOnly', { role, centre: who.centre });
      if (who.district) return t('whoAccessed.who.ofDistrict', { role, district: who.district });
      if (who.state) return t('whoAccessed.who.ofState', { role, state: who.state });
      return t('whoAccessed.who.role', { role });
    }
    case 'partner': return who.partner ? t('whoAccessed.who.partnerNamed', { partner: who.partner }) : t('whoAccessed.who.partner');
    case 'system': return t('whoAccessed.who.system');
    case 'you': return t('whoAccessed.who.you');
    default: return t('whoAccessed.who.anotherAccount');
  }
}

/** "name, year of birth and gender" (or "नाम, जन्म वर्ष और लिंग"), as each language writes a list. */
function fieldWords(t: CitizenT, fields: readonly string[]): string {
  const names = t('whoAccessed.fields', { returnObjects: true });
  const words = fields.map((f) => labelOf(names, f) ?? f);
  if (words.length < 2) return words.join('');
  return t('whoAccessed.listAnd', { list: words.slice(0, -1).join(', '), last: words[words.length - 1] });
}

function purposeWords(t: CitizenT, entry: AccessHistoryEntry): string {
  // A partner reads for the purpose it was registered with, which says more than "a consent you gave".
  if (entry.purpose === 'partner-consent' && entry.who.partner_purpose) return entry.who.partner_purpose;
  const purposes = t('whoAccessed.purposes', { returnObjects: true });
  return labelOf(purposes, entry.purpose) ?? purposes.other;
}

/**
 * One entry as a sentence in the page's language: "Vaccinator at PHC Andheri (Mumbai) viewed name
 * and year of birth for vaccination". The time is shown beside it, not in it.
 */
export function accessSentence(t: CitizenT, entry: AccessHistoryEntry): string {
  const who = whoWords(t, entry.who);
  const change = entry.change ?? {};
  const field = labelOf(t('whoAccessed.fields', { returnObjects: true }), change.field) ?? change.field ?? '';
  const read = { who, fields: fieldWords(t, entry.fields), purpose: purposeWords(t, entry) };
  switch (entry.type) {
    case 'access.granted':
      if (entry.who.kind === 'system' && entry.purpose === 'notification') return t('whoAccessed.sentences.notification');
      return entry.fields.length > 0 ? t('whoAccessed.sentences.read', read) : t('whoAccessed.sentences.readRecord', read);
    case 'access.denied':
      return entry.fields.length > 0 ? t('whoAccessed.sentences.refused', read) : t('whoAccessed.sentences.refusedRecord', read);
    case 'encounter.opened':
      return change.method === 'otp' ? t('whoAccessed.sentences.encounterOpenedOtp', { who }) : t('whoAccessed.sentences.encounterOpened', { who });
    case 'encounter.refused': return t('whoAccessed.sentences.encounterRefused', { who });
    case 'dose.recorded': return t('whoAccessed.sentences.doseRecorded', { who, dose: change.dose, vaccine: change.vaccine });
    case 'correction.accepted':
      return (change.certificates ?? 0) > 0 ? t('whoAccessed.sentences.correctionAccepted', { who, field }) : t('whoAccessed.sentences.correctionAcceptedOnly', { who, field });
    case 'correction.rejected': return t('whoAccessed.sentences.correctionRejected', { who, field });
    case 'aefi.reported': return t('whoAccessed.sentences.aefiReported', { who, dose: change.dose });
    case 'walk_in.registered': return t('whoAccessed.sentences.walkInRegistered', { who });
    case 'account.created': return t('whoAccessed.sentences.accountCreated', { who });
    case 'beneficiary.registered': return t('whoAccessed.sentences.registered', { who });
    case 'appointment.booked': return t('whoAccessed.sentences.appointmentBooked', { who, dose: change.dose });
    case 'appointment.rescheduled': return t('whoAccessed.sentences.appointmentRescheduled', { who });
    case 'appointment.cancelled': return t('whoAccessed.sentences.appointmentCancelled', { who });
    case 'beneficiary.deleted': return t('whoAccessed.sentences.removed', { who });
    default: return t('whoAccessed.sentences.other', { who });
  }
}
