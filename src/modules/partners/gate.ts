import type { Clock } from '../../core/clock.js';
import { todayInIndia } from '../../core/calendar-date.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import { invalidAccessToken, ipRefused, partnerStopped, requestQuotaSpent, scopeMissing } from './errors.js';
import { allowlistAdmits } from './ip-allowlist.js';
import { apiKeyMac } from './registration.js';
import type { PartnerScope } from './schema.js';
import * as store from './store.js';

export type PartnerActor = Actor & { kind: 'partner' };

/** Whether an actor is suspended (security module, decision 0017): checked at token issue and on every partner call. */
export type SuspensionLookup = (actorKind: 'partner', actorId: string) => Promise<boolean>;

export interface GateDeps {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  access: AccessService;
  isSuspended: SuspensionLookup;
}

export function accessTokenMac(cipher: FieldCipher, token: string): string {
  return cipher.mac('token', `partner-access-token:${token}`);
}

const MINUTE_MS = 60 * 1000;

/** Midnight at the start of today, India time: when a partner's daily quotas start again. */
export function startOfDayInIndia(now: Date): Date {
  return new Date(`${todayInIndia(now)}T00:00:00+05:30`);
}

/**
 * What every partner call passes, whatever the credential: the partner is enabled and not
 * suspended, the call comes from an address on its allowlist (a refusal is recorded), and it is
 * within its per-minute and per-day quotas.
 */
export class PartnerGate {
  constructor(private readonly deps: GateDeps) {}

  /** `where` names the call in the audit record of a refused address. */
  async admit(partner: store.PartnerRecord, ip: string | undefined, where: string): Promise<void> {
    if (await this.isStopped(partner)) throw partnerStopped();
    if (!allowlistAdmits(partner.ip_allowlist, ip)) {
      await this.deps.access.record({
        type: 'partner.ip_refused', actor: { kind: 'partner', partnerId: partner.id, tokenId: 'none', ip }, outcome: 'denied', ip,
        detail: { call: where },
      });
      throw ipRefused();
    }
    await this.countCall(partner);
  }

  /** The partner behind a bearer access token, admitted for a call that needs `scope`. */
  async authenticateBearer(authorization: string | undefined, ip: string | undefined, scope: PartnerScope | undefined, where: string): Promise<PartnerActor> {
    const token = /^Bearer\s+([A-Za-z0-9_-]{43})\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw invalidAccessToken();
    const { db, clock, cipher } = this.deps;
    const live = await store.selectLiveAccessToken(db, accessTokenMac(cipher, token), clock.now());
    const partner = live && (await store.selectPartner(db, live.partner_id));
    if (!live || !partner) throw invalidAccessToken();
    await this.admit(partner, ip, where);
    // A scope taken away after the token was issued stops working at once.
    if (!scope || !live.scopes.includes(scope) || !partner.scopes.includes(scope)) throw scopeMissing(scope ?? 'unknown');
    return { kind: 'partner', partnerId: partner.id, tokenId: live.id, ip };
  }

  /**
   * The partner whose Co-WIN x-api-key this is, admitted; undefined when the key is unknown or its
   * partner disabled or suspended, which Co-WIN clients know only as a bad key.
   */
  async partnerOfApiKey(apiKey: string | undefined, ip: string | undefined, where: string): Promise<store.PartnerRecord | undefined> {
    if (!apiKey || !/^[A-Za-z0-9_-]{43}$/.test(apiKey)) return undefined;
    const partner = await store.selectPartnerByApiKey(this.deps.db, apiKeyMac(this.deps.cipher, apiKey));
    if (!partner || (await this.isStopped(partner))) return undefined;
    await this.admit(partner, ip, where);
    return partner;
  }

  private async isStopped(partner: store.PartnerRecord): Promise<boolean> {
    return partner.disabled_at !== null || this.deps.isSuspended('partner', partner.id);
  }

  private async countCall(partner: store.PartnerRecord): Promise<void> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const minuteStart = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const dayStart = startOfDayInIndia(now);
    const waitFor = (end: number) => Math.max(1, Math.ceil((end - now.getTime()) / 1000));
    if ((await store.countRequest(db, partner.id, 'minute', minuteStart)) > partner.requests_per_minute) {
      throw requestQuotaSpent('minute', partner.requests_per_minute, waitFor(minuteStart.getTime() + MINUTE_MS));
    }
    if ((await store.countRequest(db, partner.id, 'day', dayStart)) > partner.requests_per_day) {
      throw requestQuotaSpent('day', partner.requests_per_day, waitFor(dayStart.getTime() + 24 * 60 * MINUTE_MS));
    }
  }
}
