import path from 'node:path';
import { staffRoles, type StaffRole } from './modules/access/schema.js';

export type TeekaEnv = 'development' | 'production';

export interface Config {
  env: TeekaEnv;
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  keyringPath: string | undefined;
  /** Requests per IP per 5 minutes on the public API; 0 turns the limit off. */
  publicRateLimit: number;
  /** Seconds a public availability answer may be old, in our cache and any CDN's together. */
  publicMaxStaleSeconds: number;
  trustProxy: boolean;
  logLevel: string;
  /** `outbox` (development only) or the SMS gateway's URL. */
  sms: string;
  smsBodyTemplate: string | undefined;
  maxBeneficiariesPerAccount: number;
  /** Co-WIN asked for a captcha on schedule from May to June 2021; off unless switched on. */
  captchaOnSchedule: boolean;
  /** Protected availability searches per account per day (Co-WIN: 1,000). */
  searchesPerAccountPerDay: number;
  /** OTP requests per client address per hour, on top of the per-mobile limits. */
  otpRequestsPerIpPerHour: number;
  /** Staff sign-in requests (password and TOTP steps) per client address per hour, on top of per-account lockout. */
  staffLoginsPerIpPerHour: number;
  /** Where citizens and verifiers reach Teeka; SMART Health Cards name it as their issuer. */
  publicUrl: string;
  /** Event-loop delay past which requests are shed with 503 and Retry-After; 0 turns shedding off. */
  maxEventLoopDelayMs: number;
  /** Days the audit log keeps its rows before whole segments expire (decision 0013); CERT-In asks for at least 180. */
  auditRetentionDays: number;
  /**
   * Text the account's mobile when staff or a partner open a record outside a booked appointment
   * (TEEKA_ACCESS_SMS, decision 0016). On by default in development; production turns it on once
   * the text's SMS template is registered with the operator.
   */
  accessSms: boolean;
  /** Heap in use (MiB) past which requests are shed the same way; 0 turns this check off. */
  maxHeapUsedMb: number;
  /** PEM files for built-in HTTPS (decision 0018); both or neither. */
  tlsCertPath: string | undefined;
  tlsKeyPath: string | undefined;
  /** A plain-HTTP port that only answers 301 to the HTTPS address; needs the TLS files. */
  httpRedirectPort: number | undefined;
  /** Slow clients (decision 0018): the whole header block must arrive within this time. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this time; 0 turns it off. */
  requestTimeoutMs: number;
  /** A connection with no traffic either way for this long is closed. */
  idleTimeoutMs: number;
  /** How long an idle keep-alive connection stays open; longer than any proxy's idle timeout in front. */
  keepAliveTimeoutMs: number;
  /** Budgets of distinct people, detection rules and automatic suspension (decision 0015). */
  detection: DetectionSettings;
}

export class ConfigError extends Error {}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return false;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** Reads every setting once, from the environment, and refuses to start on a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const teekaEnv = env.TEEKA_ENV ?? 'development';
  if (teekaEnv !== 'development' && teekaEnv !== 'production') {
    throw new ConfigError(`TEEKA_ENV must be "development" or "production", got "${teekaEnv}"`);
  }
  const config: Config = {
    env: teekaEnv,
    host: env.HOST || '127.0.0.1',
    port: readInteger(env, 'PORT', 3000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TEEKA_DATA_DIR || '.teeka'),
    redisUrl: env.REDIS_URL || undefined,
    keyringPath: env.TEEKA_KEYRING || undefined,
    publicRateLimit: readInteger(env, 'TEEKA_PUBLIC_RATE_LIMIT', 100, 0, 1_000_000_000),
    publicMaxStaleSeconds: 5,
    trustProxy: readBoolean(env, 'TEEKA_TRUST_PROXY'),
    logLevel: env.LOG_LEVEL || 'info',
    sms: env.TEEKA_SMS || 'outbox',
    smsBodyTemplate: env.TEEKA_SMS_TEMPLATE || undefined,
    maxBeneficiariesPerAccount: readInteger(env, 'TEEKA_MAX_BENEFICIARIES', 4, 1, 6),
    captchaOnSchedule: readBoolean(env, 'TEEKA_CAPTCHA_ON_SCHEDULE'),
    searchesPerAccountPerDay: readInteger(env, 'TEEKA_SEARCHES_PER_DAY', 1000, 1, 1_000_000),
    otpRequestsPerIpPerHour: readInteger(env, 'TEEKA_OTP_PER_IP_PER_HOUR', 60, 1, 1_000_000),
    staffLoginsPerIpPerHour: readInteger(env, 'TEEKA_STAFF_LOGINS_PER_IP_PER_HOUR', 300, 1, 1_000_000),
    maxEventLoopDelayMs: readInteger(env, 'TEEKA_MAX_EVENT_LOOP_DELAY_MS', 2000, 0, 60_000),
    auditRetentionDays: readInteger(env, 'TEEKA_AUDIT_RETENTION_DAYS', 180, 180, 36_500),
    accessSms: env.TEEKA_ACCESS_SMS?.trim() ? readBoolean(env, 'TEEKA_ACCESS_SMS') : teekaEnv === 'development',
    publicUrl: (env.TEEKA_PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    maxHeapUsedMb: readInteger(env, 'TEEKA_MAX_HEAP_USED_MB', 0, 0, 1_000_000),
    tlsCertPath: env.TEEKA_TLS_CERT || undefined,
    tlsKeyPath: env.TEEKA_TLS_KEY || undefined,
    httpRedirectPort: env.TEEKA_HTTP_REDIRECT_PORT ? readInteger(env, 'TEEKA_HTTP_REDIRECT_PORT', 0, 1, 65535) : undefined,
    headersTimeoutMs: readInteger(env, 'TEEKA_HEADERS_TIMEOUT_MS', 15_000, 100, 600_000),
    requestTimeoutMs: readInteger(env, 'TEEKA_REQUEST_TIMEOUT_MS', 120_000, 0, 3_600_000),
    idleTimeoutMs: readInteger(env, 'TEEKA_IDLE_TIMEOUT_MS', 60_000, 100, 3_600_000),
    keepAliveTimeoutMs: readInteger(env, 'TEEKA_KEEP_ALIVE_TIMEOUT_MS', 72_000, 100, 3_600_000),
    detection: readDetectionSettings(env),
  };
  checkServerSettings(config);
  if (config.env === 'production' && !config.databaseUrl) {
    throw new ConfigError('TEEKA_ENV=production needs DATABASE_URL: the embedded database is for development only');
  }
  if (config.env === 'production' && !config.publicUrl.startsWith('https://')) {
    throw new ConfigError('TEEKA_ENV=production needs TEEKA_PUBLIC_URL, the https address citizens and verifiers use');
  }
  return config;
}

/** Settings that are each fine alone but not together. */
function checkServerSettings(config: Config): void {
  if (Boolean(config.tlsCertPath) !== Boolean(config.tlsKeyPath)) {
    throw new ConfigError('TEEKA_TLS_CERT and TEEKA_TLS_KEY go together: set both (PEM files) to serve HTTPS, or neither');
  }
  if (config.httpRedirectPort !== undefined && !servesHttps(config)) {
    throw new ConfigError('TEEKA_HTTP_REDIRECT_PORT redirects to Teeka\'s own HTTPS: set TEEKA_TLS_CERT and TEEKA_TLS_KEY too, or leave it unset');
  }
  if (config.httpRedirectPort !== undefined && config.httpRedirectPort === config.port) {
    throw new ConfigError(`TEEKA_HTTP_REDIRECT_PORT must differ from PORT (both are ${config.port})`);
  }
  if (config.requestTimeoutMs > 0 && config.headersTimeoutMs > config.requestTimeoutMs) {
    throw new ConfigError('TEEKA_HEADERS_TIMEOUT_MS must not be longer than TEEKA_REQUEST_TIMEOUT_MS: the headers are part of the request');
  }
}

/** Whether this process terminates TLS itself (TEEKA_TLS_CERT and TEEKA_TLS_KEY). */
export function servesHttps(config: Pick<Config, 'tlsCertPath' | 'tlsKeyPath'>): boolean {
  return Boolean(config.tlsCertPath && config.tlsKeyPath);
}

/** Whether browsers reach Teeka over TLS: ended here, or at a proxy in front (TEEKA_TRUST_PROXY). */
export function reachedOverTls(config: Pick<Config, 'tlsCertPath' | 'tlsKeyPath' | 'trustProxy'>): boolean {
  return servesHttps(config) || config.trustProxy;
}

/**
 * Decision 0018: a production server refuses development settings, naming every one at once with
 * its fix, so an operator does not fix them one restart at a time. (DATABASE_URL and the https
 * public URL are checked by loadConfig for every command; demo data in the database is checked by
 * startServer, which can read it.) Returns what is allowed but worth saying.
 */
export function assertProductionReady(config: Config): string[] {
  if (config.env !== 'production') return [];
  const problems: string[] = [];
  if (!reachedOverTls(config)) {
    problems.push('TEEKA_ENV=production does not serve plain HTTP: set TEEKA_TLS_CERT and TEEKA_TLS_KEY to PEM files to serve HTTPS, or put Teeka behind a TLS proxy and set TEEKA_TRUST_PROXY=true');
  }
  if (config.sms.trim() === 'outbox') {
    problems.push("TEEKA_SMS=outbox is for development only (it shows every OTP at /__dev/outbox): set TEEKA_SMS to your SMS gateway's https URL");
  }
  if (!config.keyringPath) {
    problems.push('TEEKA_ENV=production needs TEEKA_KEYRING, not generated development keys: make a keyring with "teeka keys generate --out <file>" and set TEEKA_KEYRING to its path');
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\nteeka: '));
  const warnings: string[] = [];
  if (!config.redisUrl) {
    warnings.push('REDIS_URL is not set: rate limits are counted per process, so with several instances each grants its own allowance; set REDIS_URL to share them');
  }
  return warnings;
}

/** Distinct people an actor may read in the last hour and since midnight, India time (decision 0015). */
export interface SubjectBudget {
  perHour: number;
  perDay: number;
}

export interface DetectionSettings {
  /** Per staff role, and the default for partners (a partner's own quota replaces it). */
  budgets: Record<StaffRole | 'partner', SubjectBudget>;
  /**
   * India time, minutes after midnight: staff reading personal data outside [from, to) raises a
   * medium alert. `from` after `to` spans midnight: the hours are [from, 24:00) and [00:00, to).
   */
  workingHours: { from: number; to: number };
  /** Refusals of one actor within 10 minutes that raise a high alert. */
  denialsBeforeAlert: number;
  /** Whether high and critical alerts suspend the credential at once (off only to watch the rules before trusting them). */
  autoSuspend: boolean;
  /** Where each new alert is POSTed as JSON (ids and counts, no personal data); unset sends nothing. */
  alertWebhook: string | undefined;
}

/**
 * A vaccinator opens one person per vaccination: 40 an hour and 150 a day fit a busy centre. The
 * roster is not counted (its size is the centre's bookings). Administrators and auditors open
 * people only to review a correction or an incident, so theirs are small.
 */
export const defaultSubjectBudgets: Readonly<Record<StaffRole | 'partner', SubjectBudget>> = {
  vaccinator: { perHour: 40, perDay: 150 },
  facility_admin: { perHour: 40, perDay: 150 },
  district_admin: { perHour: 10, perDay: 30 },
  state_admin: { perHour: 10, perDay: 30 },
  national_admin: { perHour: 10, perDay: 20 },
  auditor: { perHour: 10, perDay: 20 },
  partner: { perHour: 200, perDay: 1000 },
};

export function readDetectionSettings(env: NodeJS.ProcessEnv): DetectionSettings {
  const budgets = {} as Record<StaffRole | 'partner', SubjectBudget>;
  for (const actor of [...staffRoles, 'partner'] as const) {
    const name = `TEEKA_BUDGET_${actor.toUpperCase()}`;
    const fallback = defaultSubjectBudgets[actor];
    budgets[actor] = {
      perHour: readInteger(env, `${name}_PER_HOUR`, fallback.perHour, 1, 1_000_000),
      perDay: readInteger(env, `${name}_PER_DAY`, fallback.perDay, 1, 10_000_000),
    };
  }
  const webhook = env.TEEKA_ALERT_WEBHOOK?.trim() || undefined;
  if (webhook !== undefined && !/^https?:\/\/[^\s]+$/.test(webhook)) {
    throw new ConfigError(`TEEKA_ALERT_WEBHOOK must be an http(s) URL, got "${webhook}"`);
  }
  return {
    budgets,
    workingHours: readWorkingHours(env.TEEKA_WORKING_HOURS),
    denialsBeforeAlert: readInteger(env, 'TEEKA_DENIALS_BEFORE_ALERT', 10, 2, 10_000),
    autoSuspend: env.TEEKA_AUTO_SUSPEND?.trim() ? readBoolean(env, 'TEEKA_AUTO_SUSPEND') : true,
    alertWebhook: webhook,
  };
}

/**
 * `07:00-21:00` (the default), India time; `00:00-24:00` means always. A start after the end
 * spans midnight (`20:00-06:00`, a night shift). Equal times are refused: they could mean
 * always or never, and guessing wrong either hides misuse or alerts on every read.
 */
function readWorkingHours(raw: string | undefined): { from: number; to: number } {
  const text = raw?.trim() || '07:00-21:00';
  const match = /^([01]\d|2[0-4]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  const from = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  const to = match ? Number(match[3]) * 60 + Number(match[4]) : NaN;
  if (!match || from === to || from >= 24 * 60 || to > 24 * 60) {
    throw new ConfigError(`TEEKA_WORKING_HOURS must be like 07:00-21:00, or 20:00-06:00 across midnight (India time, start and end differ), got "${text}"`);
  }
  return { from, to };
}
