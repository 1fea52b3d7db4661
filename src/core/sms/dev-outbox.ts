import type { Clock } from '../clock.js';
import { assertDeliverable, type SmsGateway, type SmsMessage } from './gateway.js';

export interface OutboxEntry {
  to: string;
  text: string;
  /** When the message was "sent", ISO 8601. */
  at: string;
}

/** Enough for a long manual session or a test run, small enough that a forgotten server stays small. */
export const DEV_OUTBOX_CAPACITY = 500;

/**
 * The development SMS gateway: messages stay in memory so a developer (or a browser test) can
 * read the OTP at `GET /__dev/outbox` instead of needing a phone. It shows texts and mobiles in
 * full, which is why `createSmsGateway` refuses it in production.
 */
export class DevOutbox implements SmsGateway {
  // Oldest first, so trimming drops from the front; `list` reverses.
  private readonly entries: OutboxEntry[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly capacity = DEV_OUTBOX_CAPACITY,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    assertDeliverable(message);
    this.entries.push({ to: message.to, text: message.text, at: this.clock.now().toISOString() });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Newest first: the OTP a developer is waiting for is the first entry. */
  list(): OutboxEntry[] {
    return this.entries.map((entry) => ({ ...entry })).reverse();
  }

  clear(): void {
    this.entries.length = 0;
  }
}
