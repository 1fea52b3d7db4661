import { setTimeout as delay } from 'node:timers/promises';
import { assertValidSmsBodyTemplate, renderSmsBody } from './body-template.js';
import { assertDeliverable, SmsDeliveryError, type SmsGateway, type SmsMessage } from './gateway.js';
import { maskMobile } from './mask.js';
import { backoffDelayMs, cryptoJitter, retryAfterMs, type Jitter } from './retry-delay.js';

/** The two pino methods the gateway uses, so tests can capture every line it writes. */
export interface SmsLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface HttpSmsGatewayOptions {
  url: string;
  /** JSON with `{{to}}` and `{{text}}` placeholders, `{{text}}` inside a string; see body-template.ts. */
  bodyTemplate: string;
  /** E.g. the provider's API key. Sent as given; never logged. */
  headers?: Record<string, string>;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Per attempt, from sending the request to receiving the response headers. */
  timeoutMs?: number;
  /** Injected so tests can record the waits instead of sitting through them. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests can see the backoff ceiling; production uses node:crypto. */
  jitter?: Jitter;
  logger?: SmsLogger;
}

type AttemptOutcome =
  | { delivered: true }
  | { delivered: false; failure: string; status?: number; retryable: boolean; retryAfterMs?: number };

const DELIVERED: AttemptOutcome = { delivered: true };

/**
 * The production SMS gateway: POSTs each message as JSON to the provider's URL, retrying what
 * may succeed later (network errors, timeouts, 5xx, 429) with jittered exponential backoff.
 *
 * The OTP in a message is an authentication secret (ASVS V2.7) and the mobile is personal data
 * (DESIGN.md §1.3), so log lines and errors are built only from the attempt number, the status
 * code, an error code and the masked mobile. The text, its `secrets`, the request body, the
 * gateway's reply (providers often echo the message back) and the URL (whose query string often
 * holds an API key) are never logged.
 *
 * A timeout is retried although the provider may have accepted the first request: a citizen
 * receiving one OTP twice is better than receiving none.
 */
export class HttpSmsGateway implements SmsGateway {
  private readonly url: URL;
  private readonly bodyTemplate: string;
  private readonly headers: Record<string, string>;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly jitter: Jitter;
  private readonly logger: SmsLogger | undefined;

  constructor(options: HttpSmsGatewayOptions) {
    this.url = parseGatewayUrl(options.url);
    assertValidSmsBodyTemplate(options.bodyTemplate);
    this.bodyTemplate = options.bodyTemplate;
    this.headers = options.headers ?? {};
    this.maxAttempts = positiveInteger('maxAttempts', options.maxAttempts ?? 4);
    this.baseDelayMs = nonNegativeNumber('baseDelayMs', options.baseDelayMs ?? 200);
    this.timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? 5000);
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.jitter = options.jitter ?? cryptoJitter;
    this.logger = options.logger;
  }

  async send(message: SmsMessage): Promise<void> {
    assertDeliverable(message);
    const body = renderSmsBody(this.bodyTemplate, message);
    const to = maskMobile(message.to);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.post(body);
      if (outcome.delivered) return;
      const fields = { attempt, maxAttempts: this.maxAttempts, to, failure: outcome.failure, status: outcome.status };
      if (!outcome.retryable || attempt >= this.maxAttempts) {
        this.logger?.error(fields, 'SMS not delivered');
        throw new SmsDeliveryError(attempt, outcome.failure);
      }
      const waitMs = outcome.retryAfterMs ?? backoffDelayMs(attempt, this.baseDelayMs, this.jitter);
      this.logger?.warn({ ...fields, retryInMs: waitMs }, 'SMS gateway attempt failed; retrying');
      await this.sleep(waitMs);
    }
  }

  private async post(body: string): Promise<AttemptOutcome> {
    const headers = new Headers(this.headers);
    headers.set('content-type', 'application/json');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
        // Following a redirect would post the OTP to wherever the answer points.
        redirect: 'manual',
      });
      // Only the status matters; releasing the body frees the connection for the next message.
      await response.body?.cancel().catch(() => undefined);
      return classifyResponse(response);
    } catch (error) {
      if (controller.signal.aborted) return { delivered: false, failure: 'timeout', retryable: true };
      return { delivered: false, failure: describeNetworkError(error), retryable: true };
    } finally {
      clearTimeout(timer);
    }
  }
}

function classifyResponse(response: Response): AttemptOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return DELIVERED;
  const failure = `HTTP ${status}`;
  // RFC 9110 §10.2.3 gives Retry-After meaning on 429 and 503; elsewhere it is ignored.
  if (status === 429 || status === 503) {
    return { delivered: false, failure, status, retryable: true, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  if (status >= 500) return { delivered: false, failure, status, retryable: true };
  if (status >= 300 && status < 400) return { delivered: false, failure: `${failure} (redirects are not followed)`, status, retryable: false };
  // Any other 4xx says the request itself is wrong (bad key, bad template); sending it again cannot help.
  return { delivered: false, failure, status, retryable: false };
}

/**
 * fetch's own message is just "fetch failed"; the cause's code (ECONNREFUSED, ENOTFOUND) is what
 * an operator needs. The cause's message is left out because it can contain the host and port.
 */
function describeNetworkError(error: unknown): string {
  const code = error instanceof Error && isErrorWithCode(error.cause) ? error.cause.code : undefined;
  return code && /^[A-Z0-9_]+$/.test(code) ? `network error ${code}` : 'network error';
}

function isErrorWithCode(value: unknown): value is { code: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

function parseGatewayUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('The SMS gateway URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('The SMS gateway URL must be http or https');
  // fetch refuses such URLs on every request; saying so at start-up is kinder.
  if (url.username || url.password) throw new Error('The SMS gateway URL must not contain credentials; pass them as headers');
  return url;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`HttpSmsGateway ${name} must be a positive integer`);
  return value;
}

function nonNegativeNumber(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`HttpSmsGateway ${name} must be zero or more`);
  return value;
}
