import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { DevOutbox } from './dev-outbox.js';

describe('DevOutbox', () => {
  it('lists messages newest first, stamped with the clock', async () => {
    const clock = fixedClock('2024-05-01T10:00:00.000Z');
    const outbox = new DevOutbox(clock);
    await outbox.send({ to: '9876543210', text: 'first' });
    clock.advance(1000);
    await outbox.send({ to: '9123456789', text: 'second' });

    expect(outbox.list()).toEqual([
      { to: '9123456789', text: 'second', at: '2024-05-01T10:00:01.000Z' },
      { to: '9876543210', text: 'first', at: '2024-05-01T10:00:00.000Z' },
    ]);
  });

  it('keeps only the most recent messages up to its capacity', async () => {
    const outbox = new DevOutbox(fixedClock('2024-05-01T10:00:00Z'), 3);
    for (const n of [1, 2, 3, 4, 5]) await outbox.send({ to: '9876543210', text: `message ${n}` });

    expect(outbox.list().map((entry) => entry.text)).toEqual(['message 5', 'message 4', 'message 3']);
  });

  it('keeps 500 messages by default', async () => {
    const outbox = new DevOutbox(fixedClock('2024-05-01T10:00:00Z'));
    for (let n = 0; n < 501; n++) await outbox.send({ to: '9876543210', text: `message ${n}` });

    expect(outbox.list()).toHaveLength(500);
    expect(outbox.list().at(-1)?.text).toBe('message 1');
  });

  it('forgets everything on clear', async () => {
    const outbox = new DevOutbox(fixedClock('2024-05-01T10:00:00Z'));
    await outbox.send({ to: '9876543210', text: 'hello' });
    outbox.clear();
    expect(outbox.list()).toEqual([]);
  });

  it('hands out copies, so a caller cannot rewrite what was sent', async () => {
    const outbox = new DevOutbox(fixedClock('2024-05-01T10:00:00Z'));
    await outbox.send({ to: '9876543210', text: 'hello' });
    const [entry] = outbox.list();
    if (entry) entry.text = 'changed';
    expect(outbox.list()[0]?.text).toBe('hello');
  });

  it('refuses a mobile that is not 10 digits, without repeating it', async () => {
    const outbox = new DevOutbox(fixedClock('2024-05-01T10:00:00Z'));
    await expect(outbox.send({ to: '+919876543210', text: 'hello' })).rejects.toThrow(/10-digit/);
    await expect(outbox.send({ to: '+919876543210', text: 'hello' })).rejects.not.toThrow(/9876543210/);
    expect(outbox.list()).toEqual([]);
  });
});
