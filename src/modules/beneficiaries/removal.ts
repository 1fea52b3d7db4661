import type { Citizen } from '../../api/citizen.js';
import type { Db } from '../../core/db.js';
import type { BookingService } from '../appointments/booking.js';
import type { BeneficiaryService } from './service.js';

/**
 * Removes a member and their personal data, in one transaction: their live appointment is
 * cancelled first so its seat goes back to the session. Refused once a dose is recorded.
 */
export async function removeMember(
  deps: { db: Db; beneficiaries: BeneficiaryService; booking: BookingService },
  citizen: Citizen,
  referenceId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const member = await deps.beneficiaries.findOwnMember(citizen, referenceId, trx);
    await deps.booking.cancelLiveAppointmentOf(citizen, member, trx);
    await deps.beneficiaries.remove(citizen, member, trx);
  });
}
