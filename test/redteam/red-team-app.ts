import { assertDeliverable, type SmsGateway, type SmsMessage } from '../../src/core/sms/gateway.js';
import type { Config } from '../../src/config.js';
import { createAppWith, type CustomApp } from '../owasp/custom-app.js';

/**
 * Everyone's phone. The app texts through this gateway as it would through the production HTTP
 * gateway: nothing is readable over HTTP (there is no /__dev/outbox, which exists only with the
 * development outbox), so an attacker sees an SMS only by holding the phone it went to.
 */
export class Phones implements SmsGateway {
  private readonly inboxes = new Map<string, SmsMessage[]>();
  sent = 0;

  async send(message: SmsMessage): Promise<void> {
    assertDeliverable(message);
    this.sent += 1;
    this.inboxes.set(message.to, [...(this.inboxes.get(message.to) ?? []), message]);
  }

  messagesTo(mobile: string): readonly SmsMessage[] {
    return this.inboxes.get(mobile) ?? [];
  }

  /** The 6-digit code of the newest message to `mobile` that carries one, as its owner reads it. */
  latestOtp(mobile: string): string {
    const otp = this.messagesTo(mobile).map((m) => m.secrets?.find((s) => /^\d{6}$/.test(s))).filter(Boolean).at(-1);
    if (!otp) throw new Error('no code on that phone');
    return otp;
  }
}

export interface RedTeamApp extends CustomApp {
  phones: Phones;
}

/**
 * The real app in production configuration (custom-app.ts), every SMS going to `phones`. With
 * `instanceOf`, another instance of that deployment (same database, keys, clock and phones) with
 * other settings.
 */
export async function createRedTeamApp(options: { config?: Config; instanceOf?: RedTeamApp } = {}): Promise<RedTeamApp> {
  const phones = options.instanceOf?.phones ?? new Phones();
  return Object.assign(await createAppWith({ sms: phones, config: options.config, instanceOf: options.instanceOf }), { phones });
}
