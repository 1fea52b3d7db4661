import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { ExposureLedger } from './exposure.js';

/** One way in that an attacker keeps trying: each call makes the next request(s) of that kind. */
export type Route = (round: number) => Promise<void>;

export interface AttackFigures {
  attacker: string;
  requests: number;
  /** How many requests the credential served before it stopped working, if it did. */
  suspended_after: number | null;
  /** Distinct people whose personal data appeared in any answer. */
  people_obtained: number;
  /** Of those, people whose mobile, ID number, or reference id with birth year appeared: more than a roster shows. */
  beyond_roster_fields: number;
  statuses: Record<string, number>;
  /** The first request refused for coming too often (429), if any. */
  first_429: number | null;
  routes: number;
}

/**
 * An attacker with one credential (or none), trying every route it can reach in turns, round after
 * round, so that each route is tried early and again later. Every answer goes through the exposure
 * ledger.
 */
export class Attacker {
  requests = 0;
  suspendedAfter: number | undefined;
  readonly statuses = new Map<number, number>();
  /** Per status, the request that first got it. */
  readonly firstSeen = new Map<number, number>();
  /** Per route, the answers it got: status and error code. */
  readonly answers = new Map<string, Map<string, number>>();

  constructor(
    readonly name: string,
    readonly ledger: ExposureLedger,
    private readonly send: (request: InjectOptions) => Promise<LightMyRequestResponse>,
    /** Whether this answer shows the credential was suspended (checked only until it first is). */
    private readonly showsSuspension: (request: InjectOptions, response: LightMyRequestResponse) => boolean = () => false,
  ) {}

  async attempt(route: string, request: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await this.send(request);
    this.requests += 1;
    const answer = `${response.statusCode} ${/"errorCode":"([A-Z0-9_]+)"/.exec(response.body)?.[1] ?? ''}`.trim();
    const seen = this.answers.get(route) ?? new Map<string, number>();
    this.answers.set(route, seen.set(answer, (seen.get(answer) ?? 0) + 1));
    this.statuses.set(response.statusCode, (this.statuses.get(response.statusCode) ?? 0) + 1);
    if (!this.firstSeen.has(response.statusCode)) this.firstSeen.set(response.statusCode, this.requests);
    this.ledger.scan(response);
    if (this.suspendedAfter === undefined && this.showsSuspension(request, response)) this.suspendedAfter = this.requests - 1;
    return response;
  }

  /** Round after round over every route, until `maxRequests` or `rounds` run out. */
  async campaign(routes: Record<string, Route>, options: { rounds: number; maxRequests: number }): Promise<void> {
    for (let round = 0; round < options.rounds; round += 1) {
      for (const route of Object.values(routes)) {
        if (this.requests >= options.maxRequests) return;
        await route(round);
      }
    }
  }

  figures(): AttackFigures {
    return {
      attacker: this.name,
      requests: this.requests,
      suspended_after: this.suspendedAfter ?? null,
      people_obtained: this.ledger.people().size,
      beyond_roster_fields: this.ledger.people(['mobile', 'photo_id', 'reference_with_birth_year']).size,
      statuses: Object.fromEntries([...this.statuses].sort(([a], [b]) => a - b).map(([status, n]) => [String(status), n])),
      first_429: this.firstSeen.get(429) ?? null,
      routes: this.answers.size,
    };
  }
}
