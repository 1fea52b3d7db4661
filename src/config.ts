import path from 'node:path';

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
    publicUrl: (env.TEEKA_PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
  };
  if (config.env === 'production' && !config.databaseUrl) {
    throw new ConfigError('TEEKA_ENV=production needs DATABASE_URL: the embedded database is for development only');
  }
  if (config.env === 'production' && !config.publicUrl.startsWith('https://')) {
    throw new ConfigError('TEEKA_ENV=production needs TEEKA_PUBLIC_URL, the https address citizens and verifiers use');
  }
  return config;
}
