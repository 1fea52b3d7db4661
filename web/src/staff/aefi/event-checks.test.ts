import { describe, expect, it } from 'vitest';
import { checkEvent, eventProblemOf, notesProblem, onsetInstant, type EventDraft } from './event-checks.js';

const complete: EventDraft = { severity: 'minor', onsetDate: '2026-03-05', onsetTime: '14:30', symptoms: ['fever'], outcome: 'recovering', notes: '' };

describe('an adverse event before it is sent', () => {
  it('passes when every required answer is there', () => {
    expect(checkEvent(complete)).toEqual({});
  });

  it('names each missing answer', () => {
    expect(checkEvent({ severity: '', onsetDate: '', onsetTime: '', symptoms: [], outcome: '', notes: '' })).toEqual({
      severity: 'severityMissing', onsetDate: 'onsetDateMissing', onsetTime: 'onsetTimeMissing', symptoms: 'symptomsMissing', outcome: 'outcomeMissing',
    });
  });

  it('needs notes for an "other" symptom', () => {
    expect(checkEvent({ ...complete, symptoms: ['other'] })).toEqual({ notes: 'notesOther' });
    expect(checkEvent({ ...complete, symptoms: ['other'], notes: 'Hiccups for two hours' })).toEqual({});
  });
});

describe('notes', () => {
  it('refuse what looks like a phone or ID number, as the server does, but allow clinical numbers', () => {
    expect(notesProblem('Mother reachable on 98765 43210', false)).toBe('notesNumber');
    expect(notesProblem('Aadhaar 234567890123', false)).toBe('notesNumber');
    expect(notesProblem('Adrenaline 0.5 mg IM at 14:10; temperature 38.9 C on 2026-03-05', false)).toBeUndefined();
  });

  it('are at most 500 characters, and optional unless the symptom is "other"', () => {
    expect(notesProblem('x'.repeat(501), false)).toBe('notesTooLong');
    expect(notesProblem('x'.repeat(500), false)).toBeUndefined();
    expect(notesProblem('  ', false)).toBeUndefined();
    expect(notesProblem('  ', true)).toBe('notesOther');
  });
});

describe('the onset', () => {
  it('is the date and time typed in, in India time', () => {
    expect(onsetInstant('2026-03-05', '14:30')).toBe('2026-03-05T14:30:00+05:30');
    expect(new Date(onsetInstant('2026-03-05', '14:30')).toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect(onsetInstant('2026-03-05', '14:30:15')).toBe('2026-03-05T14:30:15+05:30');
  });
});

describe('the server\'s refusals', () => {
  it('go next to the field their message names', () => {
    expect(eventProblemOf('onset_at cannot be in the future')).toEqual({ onsetDate: 'onsetFuture' });
    expect(eventProblemOf('onset_at is before the dose was given; check the date and time')).toEqual({ onsetDate: 'onsetBeforeDose' });
    expect(eventProblemOf('notes must not hold a phone or ID number: write clinical facts only')).toEqual({ notes: 'notesNumber' });
    expect(eventProblemOf('outcome must be one of: recovering, recovered')).toEqual({ outcome: { server: 'outcome must be one of: recovering, recovered' } });
    expect(eventProblemOf('Name the dose the event followed: certificate_uvci, or appointment_id')).toBeUndefined();
  });
});
