import type { AuditEvent } from '../access/schema.js';

/** Whose credential was misused: a staff account or a partner, as the audit log names them. */
export interface BreachActor {
  kind: 'staff' | 'partner';
  id: string;
  /** The staff account's username, when the actor is staff. */
  username?: string | undefined;
  /** Roles and centres the actor's events recorded (staff): who the log says they were. */
  roles: string[];
  facilityIds: number[];
}

/** One person whose record the actor opened. */
export interface TouchedPerson {
  beneficiaryId: string;
  /** The beneficiary reference ID, the number on the person's slip; undefined when the record was deleted since. */
  referenceId: string | undefined;
  /** The account to notify; undefined when the record was deleted since. */
  accountId: string | undefined;
  firstAt: Date;
  lastAt: Date;
  reads: number;
  fields: string[];
  purposes: string[];
}

/** What an actor did to the people's data, from the audit log alone. */
export interface BlastRadius {
  actor: BreachActor;
  since: Date | undefined;
  people: TouchedPerson[];
  /** Granted reads of personal data, all people together. */
  reads: number;
  /** Reads refused (no grant, budget spent): attempts that obtained nothing. */
  refused: number;
  firstAt: Date | undefined;
  lastAt: Date | undefined;
  /** The audit row of the first granted read: what was done about the actor comes after it. */
  firstSeq: number | undefined;
  /** How many people had each field read. */
  peoplePerField: Record<string, number>;
  /** Distinct accounts (mobiles) behind the people: how many notices go out. */
  accounts: number;
}

/** Where a person's record stands today, read without personal data. */
export type MemberLookup = (beneficiaryId: string) => Promise<{ referenceId: string; accountId: string } | undefined>;

/**
 * Reads the actor's events in order and gathers every `access.granted` into one line per person:
 * when first and last, how often, which fields, for what. Only ids and reference ids come out;
 * nobody's name or mobile is read to make the report.
 */
export async function measureBlastRadius(
  actor: BreachActor, since: Date | undefined, events: AsyncIterable<AuditEvent[]>, memberOf: MemberLookup,
): Promise<BlastRadius> {
  const touched = new Map<string, { firstAt: Date; lastAt: Date; reads: number; fields: Set<string>; purposes: Set<string> }>();
  const roles = new Set<string>();
  const facilities = new Set<number>();
  let reads = 0;
  let refused = 0;
  let firstSeq: number | undefined;
  for await (const batch of events) {
    for (const event of batch) {
      if (event.actorKind !== actor.kind) continue;
      if (typeof event.detail.role === 'string') roles.add(event.detail.role);
      if (typeof event.detail.facility_id === 'number') facilities.add(event.detail.facility_id);
      if (event.type === 'access.denied') refused += 1;
      if (event.type !== 'access.granted' || event.subject === null) continue;
      reads += 1;
      firstSeq ??= event.seq;
      const person = touched.get(event.subject) ?? { firstAt: event.at, lastAt: event.at, reads: 0, fields: new Set(), purposes: new Set() };
      person.lastAt = event.at;
      person.reads += 1;
      for (const field of event.fields) person.fields.add(field);
      if (event.purpose) person.purposes.add(event.purpose);
      touched.set(event.subject, person);
    }
  }
  const people: TouchedPerson[] = [];
  for (const [beneficiaryId, person] of touched) {
    const member = await memberOf(beneficiaryId);
    people.push({
      beneficiaryId, referenceId: member?.referenceId, accountId: member?.accountId,
      firstAt: person.firstAt, lastAt: person.lastAt, reads: person.reads, fields: [...person.fields].sort(), purposes: [...person.purposes].sort(),
    });
  }
  const peoplePerField: Record<string, number> = {};
  for (const person of people) for (const field of person.fields) peoplePerField[field] = (peoplePerField[field] ?? 0) + 1;
  return {
    actor: { ...actor, roles: [...roles].sort(), facilityIds: [...facilities].sort((a, b) => a - b) },
    since,
    people,
    reads,
    refused,
    firstAt: people[0]?.firstAt,
    firstSeq,
    lastAt: people.reduce<Date | undefined>((last, p) => (last === undefined || p.lastAt > last ? p.lastAt : last), undefined),
    peoplePerField,
    accounts: new Set(people.flatMap((p) => (p.accountId ? [p.accountId] : []))).size,
  };
}
