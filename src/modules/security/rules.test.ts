import { describe, expect, it } from 'vitest';
import { ConfigError, readDetectionSettings } from '../../config.js';
import type { AuditEvent } from '../access/schema.js';
import { findingsFor, isWithinWorkingHours, minutesInIndia } from './rules.js';

const settings = { workingHours: { from: 7 * 60, to: 21 * 60 }, denialsBeforeAlert: 10 };

function event(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    seq: 42, at: new Date('2025-03-10T05:00:00Z'), type: 'access.granted', actorKind: 'staff', actorId: 's', subject: 'b', purpose: 'vaccinate',
    fields: [], outcome: 'allowed', ip: null, detail: {}, prevHash: '', hash: '', ...overrides,
  };
}

describe('the detection rules', () => {
  it('read the clock in India', () => {
    expect(minutesInIndia(new Date('2025-03-10T01:30:00Z'))).toBe(7 * 60);
    expect(minutesInIndia(new Date('2025-03-10T18:29:00Z'))).toBe(23 * 60 + 59);
  });

  it('see nothing in an ordinary read in working hours', () => {
    expect(findingsFor(event(), { canary: false, recentDenials: undefined }, settings)).toEqual([]);
  });

  it('name a canary touch by anyone, a citizen included, with the event and the record only', () => {
    expect(findingsFor(event({ actorKind: 'citizen' }), { canary: true, recentDenials: undefined }, settings)).toEqual([
      { rule: 'canary', evidence: { event_seq: 42, event_type: 'access.granted', subject: 'b' } },
    ]);
  });

  it('count refusals from the configured number on', () => {
    const denied = event({ type: 'encounter.refused', outcome: 'denied' });
    expect(findingsFor(denied, { canary: false, recentDenials: 9 }, settings)).toEqual([]);
    expect(findingsFor(denied, { canary: false, recentDenials: 10 }, settings).map((f) => f.rule)).toEqual(['denials']);
  });

  it('tell a budget refusal and a jurisdiction refusal by their recorded reason', () => {
    const budget = event({ type: 'access.denied', outcome: 'denied', detail: { reason: 'budget', window: 'hour', limit: 40 } });
    expect(findingsFor(budget, { canary: false, recentDenials: 1 }, settings)).toEqual([
      { rule: 'budget', evidence: { event_seq: 42, event_type: 'access.denied', subject: 'b', window: 'hour', limit: 40 } },
    ]);
    const away = event({ type: 'access.denied', outcome: 'denied', detail: { reason: 'jurisdiction' } });
    expect(findingsFor(away, { canary: false, recentDenials: 1 }, settings).map((f) => f.rule)).toEqual(['jurisdiction']);
  });

  it('flag staff access outside working hours, not partners\' machines', () => {
    const late = new Date('2025-03-10T16:00:00Z');
    expect(findingsFor(event({ at: late }), { canary: false, recentDenials: undefined }, settings)).toEqual([
      { rule: 'off_hours', evidence: { event_seq: 42, event_type: 'access.granted', time_in_india: '21:30', working_hours: '07:00-21:00' } },
    ]);
    expect(findingsFor(event({ at: late, actorKind: 'partner' }), { canary: false, recentDenials: undefined }, settings)).toEqual([]);
    expect(findingsFor(event({ at: late, type: 'stock.received' }), { canary: false, recentDenials: undefined }, settings)).toEqual([]);
  });

  it('take a start after the end as hours across midnight (a night shift)', () => {
    const night = { ...settings, workingHours: { from: 20 * 60, to: 6 * 60 } };
    // 21:30 and 05:59 in India are on the shift; 06:00 and noon are not.
    for (const at of ['2025-03-10T16:00:00Z', '2025-03-10T00:29:00Z']) {
      expect(findingsFor(event({ at: new Date(at) }), { canary: false, recentDenials: undefined }, night)).toEqual([]);
    }
    expect(findingsFor(event({ at: new Date('2025-03-10T00:30:00Z') }), { canary: false, recentDenials: undefined }, night)).toEqual([
      { rule: 'off_hours', evidence: { event_seq: 42, event_type: 'access.granted', time_in_india: '06:00', working_hours: '20:00-06:00' } },
    ]);
    expect(findingsFor(event({ at: new Date('2025-03-10T06:30:00Z') }), { canary: false, recentDenials: undefined }, night).map((f) => f.rule)).toEqual(['off_hours']);
  });

  it('keep the start in the hours and the end out, on either side of midnight', () => {
    const day = { from: 7 * 60, to: 21 * 60 };
    const night = { from: 20 * 60, to: 6 * 60 };
    expect([7 * 60, 21 * 60 - 1, 21 * 60, 7 * 60 - 1].map((m) => isWithinWorkingHours(m, day))).toEqual([true, true, false, false]);
    expect([20 * 60, 23 * 60 + 59, 0, 6 * 60 - 1, 6 * 60, 20 * 60 - 1].map((m) => isWithinWorkingHours(m, night))).toEqual([true, true, true, true, false, false]);
    expect([0, 23 * 60 + 59].map((m) => isWithinWorkingHours(m, { from: 0, to: 24 * 60 }))).toEqual([true, true]);
  });
});

describe('the detection settings', () => {
  it('default to a busy centre\'s day for vaccinators, small for administrators', () => {
    const defaults = readDetectionSettings({});
    expect(defaults.budgets.vaccinator).toEqual({ perHour: 40, perDay: 150 });
    expect(defaults.budgets.national_admin).toEqual({ perHour: 10, perDay: 20 });
    expect(defaults).toMatchObject({ workingHours: { from: 420, to: 1260 }, denialsBeforeAlert: 10, autoSuspend: true, alertWebhook: undefined });
  });

  it('read each budget, the working hours and suspension from the environment', () => {
    const read = readDetectionSettings({
      TEEKA_BUDGET_VACCINATOR_PER_DAY: '200', TEEKA_BUDGET_PARTNER_PER_HOUR: '5', TEEKA_WORKING_HOURS: '06:30-22:00', TEEKA_AUTO_SUSPEND: 'false',
    });
    expect(read.budgets.vaccinator).toEqual({ perHour: 40, perDay: 200 });
    expect(read.budgets.partner.perHour).toBe(5);
    expect(read.workingHours).toEqual({ from: 390, to: 1320 });
    expect(read.autoSuspend).toBe(false);
  });

  it('refuse a bad value, naming it', () => {
    expect(() => readDetectionSettings({ TEEKA_WORKING_HOURS: '07:00-07:00' })).toThrow(ConfigError);
    expect(() => readDetectionSettings({ TEEKA_WORKING_HOURS: '9 to 5' })).toThrow(/TEEKA_WORKING_HOURS must be like 07:00-21:00/);
    expect(() => readDetectionSettings({ TEEKA_BUDGET_AUDITOR_PER_HOUR: 'ten' })).toThrow(/TEEKA_BUDGET_AUDITOR_PER_HOUR must be a whole number/);
    expect(() => readDetectionSettings({ TEEKA_ALERT_WEBHOOK: 'ftp://x' })).toThrow(/TEEKA_ALERT_WEBHOOK must be an http\(s\) URL/);
  });
});
