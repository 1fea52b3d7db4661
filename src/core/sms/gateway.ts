/**
 * How Teeka sends a text message. Two implementations: the development outbox (`dev-outbox.ts`),
 * which only keeps messages for a developer to read, and the production HTTP gateway
 * (`http-gateway.ts`). `create-gateway.ts` picks one from TEEKA_SMS.
 *
 * A message usually carries an OTP, which ASVS V2.7 treats as an authentication secret: it must
 * never reach a log line, an error message or an audit record. Gateways therefore log neither the
 * text nor the full mobile, and `secrets` names the words that matter most, for anything that
 * would otherwise have to guess.
 */
export interface SmsMessage {
  /** A 10-digit Indian mobile, digits only, no country code. */
  to: string;
  text: string;
  /** Words in `text` that must never be logged, e.g. the OTP. */
  secrets?: string[];
}

export interface SmsGateway {
  /** Resolves once the gateway accepted the message; rejects with SmsDeliveryError otherwise. */
  send(message: SmsMessage): Promise<void>;
}

/**
 * Thrown once every attempt failed. Its message names only what went wrong (`HTTP 500`,
 * `timeout`), never the text or the mobile, so callers may log it as it is.
 */
export class SmsDeliveryError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastFailure: string,
  ) {
    super(`SMS not delivered after ${attempts} attempt${attempts === 1 ? '' : 's'} (last: ${lastFailure})`);
    this.name = 'SmsDeliveryError';
  }
}

const TEN_DIGITS = /^\d{10}$/;

/**
 * Refuses a message no gateway could deliver. These are programming errors, so the messages say
 * which rule broke without repeating the value, which may be someone's mobile.
 */
export function assertDeliverable(message: SmsMessage): void {
  if (!TEN_DIGITS.test(message.to)) throw new TypeError('SmsMessage.to must be a 10-digit mobile, digits only');
  if (message.text.length === 0) throw new TypeError('SmsMessage.text must not be empty');
}
