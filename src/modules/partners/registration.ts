import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { FieldCipher } from '../../core/crypto/field-cipher.js';
import type { Db } from '../../core/db.js';
import type { Updateable } from 'kysely';
import type { PartnerTable } from '../../core/db-tables.js';
import type { PartnerBudgetLookup } from '../access/budget.js';
import type { AccessService } from '../access/service.js';
import type { Actor } from '../access/schema.js';
import { partnerNotFound } from './errors.js';
import { normaliseAllowlist } from './ip-allowlist.js';
import { validatePartnerJwks } from './jwks.js';
import type { NewPartnerBody, PartnerChanges, PartnerScope, PartnerView, Quotas } from './schema.js';
import * as store from './store.js';

type StaffActor = Actor & { kind: 'staff' };

/** What a partner gets unless the national admin sets otherwise: a steady integration, not a bulk export. */
export const DEFAULT_QUOTAS: Quotas = { requests_per_minute: 60, requests_per_day: 10_000, subjects_per_day: 1_000 };

/** The path of the token endpoint; its full URL is every client assertion's `aud`. */
export const TOKEN_PATH = '/api/partner/oauth/token';

/** The MAC under which a partner's Co-WIN x-api-key is kept; the key itself is shown once. */
export function apiKeyMac(cipher: FieldCipher, apiKey: string): string {
  return cipher.mac('token', `partner-api-key:${apiKey}`);
}

export function presentPartner(row: store.PartnerRecord, publicUrl: string): PartnerView {
  return {
    id: row.id,
    client_id: row.client_id,
    name: row.name,
    purpose: row.purpose,
    scopes: row.scopes as PartnerScope[],
    ip_allowlist: row.ip_allowlist,
    key_ids: row.jwks.keys.map((k) => String(k.kid)),
    quotas: { requests_per_minute: row.requests_per_minute, requests_per_day: row.requests_per_day, subjects_per_day: row.subjects_per_day },
    disabled: row.disabled_at !== null,
    created_at: new Date(row.created_at).toISOString(),
    api_key_created_at: row.api_key_created_at ? new Date(row.api_key_created_at).toISOString() : null,
    token_url: `${publicUrl}${TOKEN_PATH}`,
  };
}

/**
 * The access module's budget for a partner (decision 0015): its registered people a day, for the
 * hour as for the day. Passing it is a refusal the security rules act on.
 */
export const partnerBudgetLookup: PartnerBudgetLookup = async (db, partnerId) => {
  const row = await store.selectSubjectsPerDay(db, partnerId);
  return row && { perHour: row.subjects_per_day, perDay: row.subjects_per_day };
};

const quotaColumns = (q: Quotas) => ({ requests_per_minute: q.requests_per_minute, requests_per_day: q.requests_per_day, subjects_per_day: q.subjects_per_day });

/**
 * Partners as a national admin registers them (decision 0017): who they are and why, which scopes,
 * from which addresses, with which public keys and quotas. Every change is in the audit chain.
 */
export class PartnerRegistry {
  constructor(private readonly deps: { db: Db; clock: Clock; cipher: FieldCipher; access: AccessService }) {}

  list(): Promise<store.PartnerRecord[]> {
    return store.selectPartners(this.deps.db);
  }

  /** How citizens see a partner in "who accessed my data": its name and registered purpose. */
  async nameOf(id: string): Promise<{ name: string; purpose: string } | undefined> {
    const row = await store.selectPartner(this.deps.db, id);
    return row && { name: row.name, purpose: row.purpose };
  }

  async find(id: string): Promise<store.PartnerRecord> {
    const row = await store.selectPartner(this.deps.db, id);
    if (!row) throw partnerNotFound();
    return row;
  }

  async register(actor: StaffActor, body: NewPartnerBody): Promise<store.PartnerRecord> {
    const { db, clock, access } = this.deps;
    const ipAllowlist = normaliseAllowlist(body.ip_allowlist);
    const jwks = await validatePartnerJwks(body.jwks);
    const id = randomUUID();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await store.insertPartner(trx, {
        id, client_id: randomBytes(18).toString('base64url'), name: body.name.trim(), purpose: body.purpose.trim(), scopes: [...body.scopes],
        ip_allowlist: ipAllowlist, jwks: JSON.stringify(jwks), ...quotaColumns(body.quotas ?? DEFAULT_QUOTAS),
        api_key_mac: null, api_key_created_at: null, disabled_at: null, created_by: actor.staffId, created_at: now, updated_at: now,
      });
      await access.record({
        type: 'partner.registered', actor, subject: `partner:${id}`, outcome: 'done', ip: actor.ip,
        detail: { scopes: body.scopes.join(' '), keys: jwks.keys.length },
      }, trx);
    });
    return this.find(id);
  }

  /** Applies changes; disabling revokes the partner's live access tokens at once. */
  async update(actor: StaffActor, id: string, changes: PartnerChanges): Promise<store.PartnerRecord> {
    const { db, clock, access } = this.deps;
    const ipAllowlist = changes.ip_allowlist && normaliseAllowlist(changes.ip_allowlist);
    const jwks = changes.jwks && (await validatePartnerJwks(changes.jwks));
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const current = await store.selectPartnerForUpdate(trx, id);
      if (!current) throw partnerNotFound();
      const set: Updateable<PartnerTable> = { updated_at: now };
      if (changes.name !== undefined) set.name = changes.name.trim();
      if (changes.purpose !== undefined) set.purpose = changes.purpose.trim();
      if (changes.scopes !== undefined) set.scopes = [...changes.scopes];
      if (ipAllowlist) set.ip_allowlist = ipAllowlist;
      if (jwks) set.jwks = JSON.stringify(jwks);
      if (changes.quotas) Object.assign(set, quotaColumns(changes.quotas));
      const disabling = changes.disabled === true && current.disabled_at === null;
      const enabling = changes.disabled === false && current.disabled_at !== null;
      if (disabling) set.disabled_at = now;
      if (enabling) set.disabled_at = null;
      await store.updatePartner(trx, id, set);
      const changed = (['name', 'purpose', 'scopes', 'ip_allowlist', 'jwks', 'quotas'] as const).filter((f) => changes[f] !== undefined);
      if (changed.length > 0 || enabling) {
        await access.record({
          type: 'partner.updated', actor, subject: `partner:${id}`, outcome: 'done', ip: actor.ip,
          detail: { fields: changed.join(' '), ...(enabling ? { enabled: true } : {}) },
        }, trx);
      }
      if (disabling) {
        await store.revokePartnerTokens(trx, id, now);
        await access.record({ type: 'partner.disabled', actor, subject: `partner:${id}`, outcome: 'done', ip: actor.ip }, trx);
      }
    });
    return this.find(id);
  }

  /** A new Co-WIN x-api-key for the partner, replacing any earlier one; only its MAC is kept. */
  async issueApiKey(actor: StaffActor, id: string): Promise<string> {
    const { db, clock, cipher, access } = this.deps;
    const apiKey = randomBytes(32).toString('base64url');
    await db.transaction().execute(async (trx) => {
      if (!(await store.selectPartnerForUpdate(trx, id))) throw partnerNotFound();
      await store.updatePartner(trx, id, { api_key_mac: apiKeyMac(cipher, apiKey), api_key_created_at: clock.now(), updated_at: clock.now() });
      await access.record({ type: 'partner.api_key_issued', actor, subject: `partner:${id}`, outcome: 'done', ip: actor.ip }, trx);
    });
    return apiKey;
  }
}
