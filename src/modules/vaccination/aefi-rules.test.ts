import { describe, expect, it } from 'vitest';
import { notesOf, onsetOf, symptomsOf } from './aefi-rules.js';

describe('AEFI notes', () => {
  it('keep clinical facts, with their numbers and dates', () => {
    expect(notesOf('  BP 90/60 at 14:10 on 05-03-2024; platelets 150000; adrenaline 0.5 mg IM  ', false))
      .toBe('BP 90/60 at 14:10 on 05-03-2024; platelets 150000; adrenaline 0.5 mg IM');
    expect(notesOf('', false)).toBeNull();
  });

  it('refuse what looks like a mobile or an Aadhaar number, however it is spaced', () => {
    for (const note of ['call 9876543210', 'son: +91 98765 43210', 'Aadhaar 2345 6789 0124']) {
      expect(() => notesOf(note, false), note).toThrow(/must not hold a phone or ID number/);
    }
  });

  it('are needed when a symptom is "other"', () => {
    expect(() => notesOf(' ', true)).toThrow(/describe the "other" symptom/);
  });
});

describe('AEFI symptoms and onset', () => {
  it('take codes from the list, each once', () => {
    expect(symptomsOf(['fever', 'syncope'])).toEqual(['fever', 'syncope']);
    expect(() => symptomsOf(['fever', 'fever'])).toThrow(/twice/);
    expect(() => symptomsOf(['Fever'])).toThrow(/codes from the list/);
  });

  it('place the onset between the dose and now', () => {
    const dose = new Date('2024-03-05T10:00:00+05:30');
    const now = new Date('2024-03-06T10:00:00+05:30');
    expect(onsetOf('2024-03-05T18:00:00+05:30', dose, now).toISOString()).toBe('2024-03-05T12:30:00.000Z');
    expect(() => onsetOf('2024-03-05T09:00:00+05:30', dose, now)).toThrow(/before the dose/);
    expect(() => onsetOf('2024-03-07T09:00:00+05:30', dose, now)).toThrow(/future/);
  });
});
