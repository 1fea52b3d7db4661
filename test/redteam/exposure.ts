import type { LightMyRequestResponse } from 'fastify';
import type { Person } from './population.js';

/**
 * What counts as someone's personal data in an answer (DESIGN.md §1, the 2023 bot's output):
 * - their name (every seeded name is unique, so a name identifies one person);
 * - their full mobile or full ID number (masked forms such as XXXX-XXXX-1234 or ******3210 do not count);
 * - their beneficiary reference id in an answer that also carries their year of birth, which ties
 *   the birth year (and whatever else the answer says) to an identity.
 * PDFs cannot be scanned for names, so any PDF an attacker gets counts on its own, as a document.
 */
export type ExposedField = 'name' | 'mobile' | 'photo_id' | 'reference_with_birth_year';

export class ExposureLedger {
  private readonly byName = new Map<string, Person>();
  private readonly byDigits = new Map<string, { person: Person; field: ExposedField }>();
  private readonly byReference = new Map<string, Person>();
  /** Per person, which of their fields were seen. */
  readonly exposed = new Map<Person, Set<ExposedField>>();
  pdfs = 0;

  constructor(people: readonly Person[]) {
    for (const person of people) {
      this.byName.set(person.name, person);
      this.byDigits.set(person.mobile, { person, field: 'mobile' });
      this.byDigits.set(person.photoIdNumber, { person, field: 'photo_id' });
      this.byReference.set(person.referenceId, person);
    }
  }

  /** Notes whatever personal data the answer carries; returns the people it exposed. */
  scan(response: LightMyRequestResponse): Person[] {
    const found = new Map<Person, Set<ExposedField>>();
    const note = (person: Person, field: ExposedField) => found.set(person, new Set([...(found.get(person) ?? []), field]));
    if (String(response.headers['content-type'] ?? '').startsWith('application/pdf') && response.statusCode < 300) this.pdfs += 1;
    const body = response.body;
    for (const digits of body.match(/\d{10,14}/g) ?? []) {
      const hit = this.byDigits.get(digits);
      if (hit) note(hit.person, hit.field);
      const referenced = this.byReference.get(digits);
      if (referenced && body.includes(String(referenced.birthYear))) note(referenced, 'reference_with_birth_year');
    }
    // Names are two words; any two neighbouring words in the answer are tried against them.
    const words = body.split(/[^\p{L}]+/u).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i += 1) {
      const person = this.byName.get(`${words[i]} ${words[i + 1]}`);
      if (person) note(person, 'name');
    }
    for (const [person, fields] of found) this.exposed.set(person, new Set([...(this.exposed.get(person) ?? []), ...fields]));
    return [...found.keys()];
  }

  /** People with any field seen, optionally only those fields. */
  people(fields?: readonly ExposedField[]): Set<Person> {
    return new Set([...this.exposed].filter(([, seen]) => !fields || [...seen].some((f) => fields.includes(f))).map(([person]) => person));
  }
}
