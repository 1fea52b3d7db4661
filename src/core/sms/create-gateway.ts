import { isIP } from 'node:net';
import type { Clock } from '../clock.js';
import { DEFAULT_SMS_BODY_TEMPLATE } from './body-template.js';
import { DevOutbox } from './dev-outbox.js';
import type { SmsGateway } from './gateway.js';
import { HttpSmsGateway, type SmsLogger } from './http-gateway.js';

export { DEFAULT_SMS_BODY_TEMPLATE };

export interface SmsGatewaySettings {
  env: 'development' | 'production';
  clock: Clock;
  bodyTemplate?: string;
  /** E.g. the provider's API key header. */
  headers?: Record<string, string>;
  logger?: SmsLogger;
}

/**
 * Builds the gateway TEEKA_SMS names: `outbox` for the development outbox, or the provider's URL.
 * Production refuses the outbox (it shows every OTP and mobile in full at /__dev/outbox) and plain
 * http beyond this machine (the body carries an OTP, which must not cross a network in clear).
 */
export function createSmsGateway(setting: string, settings: SmsGatewaySettings): SmsGateway {
  const value = setting.trim();
  if (value === 'outbox') {
    if (settings.env === 'production') {
      throw new Error("TEEKA_SMS=outbox is for development only; set TEEKA_SMS to your SMS gateway's https URL");
    }
    return new DevOutbox(settings.clock);
  }
  const url = parseUrl(value);
  if (!url) throw new Error('TEEKA_SMS must be "outbox" or an http(s) URL of your SMS gateway');
  if (settings.env === 'production' && url.protocol !== 'https:' && !isLoopback(url.hostname)) {
    throw new Error('TEEKA_SMS must be an https URL in production (plain http is allowed only to this machine)');
  }
  const headers = { ...moveCredentialsToHeader(url), ...settings.headers };
  return new HttpSmsGateway({
    url: url.href,
    bodyTemplate: settings.bodyTemplate ?? DEFAULT_SMS_BODY_TEMPLATE,
    headers,
    ...(settings.logger ? { logger: settings.logger } : {}),
  });
}

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `https://user:key@host/` is how many providers document their endpoint, but fetch refuses URLs
 * with credentials, so they become a Basic authorization header and leave the URL.
 */
function moveCredentialsToHeader(url: URL): Record<string, string> {
  if (!url.username && !url.password) return {};
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** A relay on this machine (a sidecar that adds TLS or signing) may be reached over plain http. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}
