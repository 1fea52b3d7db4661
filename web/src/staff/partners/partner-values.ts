import type { PartnerBody, PartnerChanges, PartnerQuotas, PartnerScope, PartnerView } from './partner-types.js';

/**
 * The partner form's values as typed, the checks that give an answer before anything is sent, and
 * the body the server takes. The server checks everything again (and imports each key with jose);
 * these checks are there so a mistake is named next to its field at once.
 */
export const scopeOrder: readonly PartnerScope[] = ['consented', 'vaccination_status', 'certificate_pull', 'aggregates'];
export const quotaFields = ['requests_per_minute', 'requests_per_day', 'subjects_per_day'] as const;
export type QuotaField = (typeof quotaFields)[number];

export interface PartnerValues {
  name: string;
  purpose: string;
  scopes: PartnerScope[];
  ipAllowlist: string;
  jwks: string;
  quotas: Record<QuotaField, string>;
}

export const emptyPartner: PartnerValues = {
  name: '',
  purpose: '',
  scopes: [],
  ipAllowlist: '',
  jwks: '',
  // The server's own defaults (registration.ts DEFAULT_QUOTAS): a steady integration, not a bulk export.
  quotas: { requests_per_minute: '60', requests_per_day: '10000', subjects_per_day: '1000' },
};

export function valuesOf(partner: PartnerView): PartnerValues {
  return {
    name: partner.name,
    purpose: partner.purpose,
    scopes: [...partner.scopes],
    ipAllowlist: partner.ip_allowlist.join('\n'),
    // The key set itself is not sent back; left empty, the current keys stay.
    jwks: '',
    quotas: {
      requests_per_minute: String(partner.quotas.requests_per_minute),
      requests_per_day: String(partner.quotas.requests_per_day),
      subjects_per_day: String(partner.quotas.subjects_per_day),
    },
  };
}

// IP allowlist

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return false;
  try {
    // The URL parser knows every IPv6 spelling (::, embedded IPv4) and refuses the rest.
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}

/** "203.0.113.7", "203.0.113.0/24", "2001:db8::1", "2001:db8::/32". */
export function isIpOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const v4 = IPV4.test(address);
  if (!v4 && !isIpv6(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

export type AllowlistCheck = { ok: true; entries: string[] } | { ok: false; problem: 'missing' } | { ok: false; problem: 'invalid'; line: number; value: string };

/** One address or range a line; blank lines are skipped and repeats kept once. */
export function checkAllowlist(text: string): AllowlistCheck {
  const entries: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const entry = line.trim();
    if (entry === '') continue;
    if (!isIpOrRange(entry)) return { ok: false, problem: 'invalid', line: index + 1, value: entry };
    if (!entries.includes(entry)) entries.push(entry);
  }
  return entries.length === 0 ? { ok: false, problem: 'missing' } : { ok: true, entries };
}

// Public keys

/** Members of a JWK that belong to a private (or secret) key, RFC 7518 §6. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
// src/modules/partners/schema.ts JwksInput.
export const MAX_KEYS = 5;

export type JwksProblem =
  | { problem: 'missing' }
  | { problem: 'json' }
  | { problem: 'shape' }
  | { problem: 'empty' }
  | { problem: 'tooMany' }
  | { problem: 'kty'; key: number }
  | { problem: 'crv'; key: number }
  | { problem: 'kid'; key: number }
  | { problem: 'private'; key: number; member: string }
  | { problem: 'duplicate'; kid: string };

/** A key set that reads right; `kids[i]` is undefined for a key without one (the server names it by its thumbprint). */
export type JwksCheck = { ok: true; jwks: { keys: Record<string, unknown>[] }; kids: (string | undefined)[] } | ({ ok: false } & JwksProblem);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON Web Key Set of public signing keys the server takes (src/modules/partners/jwks.ts): EC
 * P-256 or RSA, no private members, each kid used once. Keys are numbered from 1 in problems.
 */
export function checkJwks(text: string): JwksCheck {
  if (text.trim() === '') return { ok: false, problem: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'json' };
  }
  if (!isObject(parsed) || !Array.isArray(parsed.keys)) return { ok: false, problem: 'shape' };
  if (parsed.keys.length === 0) return { ok: false, problem: 'empty' };
  if (parsed.keys.length > MAX_KEYS) return { ok: false, problem: 'tooMany' };
  const kids: (string | undefined)[] = [];
  const keys: Record<string, unknown>[] = [];
  for (const [index, key] of (parsed.keys as unknown[]).entries()) {
    const number = index + 1;
    if (!isObject(key)) return { ok: false, problem: 'kty', key: number };
    // Before anything else: a leaked private key needs a new key pair, whatever else is wrong.
    const privatePart = PRIVATE_MEMBERS.find((member) => member in key);
    if (privatePart) return { ok: false, problem: 'private', key: number, member: privatePart };
    if (key.kty !== 'EC' && key.kty !== 'RSA') return { ok: false, problem: 'kty', key: number };
    if (key.kty === 'EC' && key.crv !== 'P-256') return { ok: false, problem: 'crv', key: number };
    if (key.kid !== undefined && (typeof key.kid !== 'string' || !/^[\x21-\x7e]{1,100}$/.test(key.kid))) return { ok: false, problem: 'kid', key: number };
    const kid = key.kid as string | undefined;
    if (kid !== undefined && kids.includes(kid)) return { ok: false, problem: 'duplicate', kid };
    kids.push(kid);
    keys.push(key);
  }
  return { ok: true, jwks: { keys }, kids };
}

// Limits

/** Each limit's range, as src/modules/partners/schema.ts Quotas takes it. */
export const quotaRange: Record<QuotaField, { min: number; max: number }> = {
  requests_per_minute: { min: 1, max: 100_000 },
  requests_per_day: { min: 1, max: 100_000_000 },
  subjects_per_day: { min: 0, max: 10_000_000 },
};

/** A whole number in the limit's range; digit group separators ("10,000") are allowed. */
export function checkQuota(field: QuotaField, text: string): number | undefined {
  const digits = text.trim().replace(/[,_\s]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return undefined;
  const value = Number(digits);
  const { min, max } = quotaRange[field];
  return value >= min && value <= max ? value : undefined;
}

// The whole form

export type PartnerField = 'name' | 'purpose' | 'scopes' | 'ip_allowlist' | 'jwks' | QuotaField;
export type FieldCheck =
  | { field: 'name' | 'purpose' | 'scopes'; problem: 'missing' }
  | { field: 'ip_allowlist'; check: AllowlistCheck & { ok: false } }
  | { field: 'jwks'; check: JwksCheck & { ok: false } }
  | { field: QuotaField; problem: 'quota' };

export const fieldOrder: readonly PartnerField[] = ['name', 'purpose', 'scopes', 'ip_allowlist', 'jwks', ...quotaFields];

/**
 * The form's problems, in form order; `keysRequired` is false when editing, where an empty key box
 * keeps the current keys.
 */
export function checkPartner(values: PartnerValues, keysRequired: boolean): FieldCheck[] {
  const found: FieldCheck[] = [];
  if (values.name.trim() === '') found.push({ field: 'name', problem: 'missing' });
  if (values.purpose.trim() === '') found.push({ field: 'purpose', problem: 'missing' });
  if (values.scopes.length === 0) found.push({ field: 'scopes', problem: 'missing' });
  const allowlist = checkAllowlist(values.ipAllowlist);
  if (!allowlist.ok) found.push({ field: 'ip_allowlist', check: allowlist });
  const jwks = checkJwks(values.jwks);
  if (!jwks.ok && (keysRequired || jwks.problem !== 'missing')) found.push({ field: 'jwks', check: jwks });
  for (const field of quotaFields) if (checkQuota(field, values.quotas[field]) === undefined) found.push({ field, problem: 'quota' });
  return found;
}

function quotasOf(values: PartnerValues): PartnerQuotas {
  return {
    requests_per_minute: checkQuota('requests_per_minute', values.quotas.requests_per_minute) ?? 0,
    requests_per_day: checkQuota('requests_per_day', values.quotas.requests_per_day) ?? 0,
    subjects_per_day: checkQuota('subjects_per_day', values.quotas.subjects_per_day) ?? 0,
  };
}

const allowlistOf = (values: PartnerValues) => {
  const check = checkAllowlist(values.ipAllowlist);
  return check.ok ? check.entries : [];
};

/** The registration as the server takes it; only for values `checkPartner` found nothing wrong with. */
export function partnerBodyOf(values: PartnerValues): PartnerBody & { quotas: PartnerQuotas } {
  const jwks = checkJwks(values.jwks);
  return {
    name: values.name.trim(),
    purpose: values.purpose.trim(),
    scopes: scopeOrder.filter((scope) => values.scopes.includes(scope)),
    ip_allowlist: allowlistOf(values),
    jwks: jwks.ok ? jwks.jwks : { keys: [] },
    quotas: quotasOf(values),
  };
}

/** Only what changed; a key set is sent only when one was pasted. */
export function partnerChangesOf(before: PartnerView, values: PartnerValues): PartnerChanges {
  const after = partnerBodyOf(values);
  const changes: PartnerChanges = {};
  if (after.name !== before.name) changes.name = after.name;
  if (after.purpose !== before.purpose) changes.purpose = after.purpose;
  if (after.scopes.join() !== scopeOrder.filter((scope) => before.scopes.includes(scope)).join()) changes.scopes = after.scopes;
  if (after.ip_allowlist.join('\n') !== before.ip_allowlist.join('\n')) changes.ip_allowlist = after.ip_allowlist;
  if (values.jwks.trim() !== '') changes.jwks = after.jwks;
  if (quotaFields.some((field) => after.quotas[field] !== before.quotas[field])) changes.quotas = after.quotas;
  return changes;
}

/**
 * The server starts a refusal with the field it is about: the schema's path ("ip_allowlist.1: …",
 * "quotas.requests_per_day: …") or the partner rules' own ("jwks.keys[0].crv: …", "ip_allowlist[2]: …").
 */
export function fieldOfRefusal(message: string): PartnerField | undefined {
  const path = /^([a-z_]+(?:\[\d+\]|\.[a-z0-9_]+)*)[\s:,]/.exec(message)?.[1]?.split(/[.[]/) ?? [];
  const named = path[0] === 'quotas' ? path[1] : path[0];
  return fieldOrder.find((field) => field === named);
}
