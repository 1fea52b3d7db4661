import { addDays, todayInIndia, type IsoDate } from '../../core/calendar-date.js';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { SmsDeliveryError, type SmsGateway } from '../../core/sms/gateway.js';
import type { IdentityService } from '../identity/service.js';
import type { AccessHistory } from './history.js';
import type { AccessWho } from './history-schema.js';
import * as store from './notices-store.js';
import { actorId, type Actor, type Purpose } from './schema.js';
import type { AccessService, GrantedRead, RosterLookup } from './service.js';

/** The platform reading the account's mobile to text its owner; its own reads never trigger a notice. */
const NOTIFIER: Actor = { kind: 'system', name: 'access-notices' };

/** Reads that are the appointment itself, when the person has one at that centre today. */
const appointmentPurposes = new Set<Purpose>(['vaccination-roster', 'vaccinate']);

const roleWords: Record<string, string> = {
  vaccinator: 'A vaccinator',
  facility_admin: 'A centre administrator',
  district_admin: 'A district administrator',
  state_admin: 'A state administrator',
  national_admin: 'A national administrator',
  auditor: 'An auditor',
};

const purposeWords: Partial<Record<Purpose, string>> = {
  'vaccination-roster': 'the day\'s vaccination list',
  vaccinate: 'vaccination',
  'correction-review': 'checking a correction request',
  aefi: 'a report of a reaction after vaccination',
  'partner-consent': 'a consent you gave',
};

function whoInWords(who: AccessWho): string {
  if (who.kind === 'partner') return who.partner ?? 'A partner service';
  if (who.kind !== 'staff') return 'Teeka';
  const role = (who.role && roleWords[who.role]) ?? 'A staff member';
  if (who.centre) return `${role} at ${who.centre}${who.district ? ` (${who.district})` : ''}`;
  if (who.district) return `${role} of ${who.district} district`;
  return who.state ? `${role} of ${who.state}` : role;
}

const whenFormat = new Intl.DateTimeFormat('en-IN', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Kolkata',
});

/**
 * The text: who, when and why, and where to see more. No name, reference or ID number of anyone:
 * the platform may read only the mobile to send it (decision 0005), and a phone is often shared.
 */
export function noticeText(who: AccessWho, purpose: Purpose, at: Date, publicUrl: string): string {
  const why = purpose === 'partner-consent' && who.partner_purpose ? who.partner_purpose : (purposeWords[purpose] ?? purpose.replaceAll('-', ' '));
  return `Teeka: ${whoInWords(who)} opened a record on your account on ${whenFormat.format(at)} for ${why}. `
    + `See who accessed your data: ${publicUrl}/my-data`;
}

const startOfDayInIndia = (day: IsoDate) => new Date(`${day}T00:00:00+05:30`);

/** What failed, without anything a database or gateway message might add about the account. */
function reportFailure(error: unknown): void {
  const what = error instanceof SmsDeliveryError ? error.message : error instanceof Error ? error.name : 'unknown error';
  process.emitWarning(`Transparency notice not sent: ${what}`);
}

export interface AccessNoticeDeps {
  db: Db;
  clock: Clock;
  access: Pick<AccessService, 'onGranted' | 'authorize' | 'wasCommitted'>;
  identity: Pick<IdentityService, 'readMobile'>;
  sms: SmsGateway;
  history: Pick<AccessHistory, 'describeActor'>;
  /** Whether the person has a live appointment at the centre that day (the access module's roster lookup). */
  isBookedAt: RosterLookup;
  /** Where citizens reach Teeka; the text links to its My data page. */
  publicUrl: string;
  onError?: (error: unknown) => void;
}

/**
 * Texts the account's mobile when staff or a partner open a record outside a booked appointment
 * (decision 0016, TEEKA_ACCESS_SMS): one text per account, actor and day in India, so a reviewer
 * working through a queue does not send a stream of them. Roster and vaccination reads of someone
 * booked at that centre today are the visit itself and send nothing; the platform's own reads
 * (texting the citizen) never do.
 */
export class AccessNotifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: AccessNoticeDeps) {}

  listen(): void {
    this.deps.access.onGranted((read) => this.queue(read));
  }

  /** Resolves once every notice queued so far has been sent, skipped or failed: tests wait on it instead of sleeping. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * The grant may have been recorded inside the caller's transaction, which has not committed and
   * must not wait for an SMS: the work starts after the caller's current step, and its errors end
   * here rather than in the caller's request.
   */
  private queue(read: GrantedRead): void {
    if (read.actor.kind !== 'staff' && read.actor.kind !== 'partner') return;
    const at = this.deps.clock.now();
    const job: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.notify(read, at))
      .catch((error: unknown) => (this.deps.onError ?? reportFailure)(error))
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  private async notify(read: GrantedRead, at: Date): Promise<void> {
    const { actor } = read;
    if (actor.kind !== 'staff' && actor.kind !== 'partner') return;
    // A read inside a transaction that then rolled back never happened: no text about it.
    if (!read.event || !(await this.deps.access.wasCommitted(read.event))) return;
    if (await this.isTheAppointment(read, at)) return;
    const { db, access, identity, sms, history, publicUrl } = this.deps;
    const day = todayInIndia(at);
    const claim = { accountId: read.accountId, actorKind: actor.kind, actorId: actorId(actor), day, sentAt: this.deps.clock.now() };
    if (!(await store.claimNotice(db, claim, addDays(day, -1)))) return;
    try {
      const text = noticeText(await history.describeActor(actor), read.purpose, at, publicUrl);
      const ticket = await access.authorize(NOTIFIER, { subject: { kind: 'account', id: read.accountId }, purpose: 'notification', fields: ['mobile'] });
      const mobile = await identity.readMobile(ticket);
      await sms.send({ to: mobile.reveal(), text });
    } catch (error) {
      // Unsent, so unclaimed: the actor's next read today tries again.
      await store.releaseNotice(db, claim);
      throw error;
    }
  }

  /**
   * A roster or vaccination read of someone booked at the reader's centre today. A recorded dose
   * counts too: it completes the appointment, possibly before this check runs.
   */
  private async isTheAppointment(read: GrantedRead, at: Date): Promise<boolean> {
    const { actor, subject } = read;
    if (actor.kind !== 'staff' || actor.scope.level !== 'facility' || subject.kind !== 'beneficiary' || !appointmentPurposes.has(read.purpose)) return false;
    const facilityId = actor.scope.facilityId;
    const day = todayInIndia(at);
    return (await this.deps.isBookedAt(this.deps.db, facilityId, subject.id, day))
      || store.hasDoseRecordedSince(this.deps.db, subject.id, facilityId, startOfDayInIndia(day));
  }
}
