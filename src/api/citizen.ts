import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../core/errors.js';
import type { Actor } from '../modules/access/schema.js';

export type Citizen = Actor & { kind: 'citizen' };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on routes declared `access: 'citizen'`. */
    citizen?: Citizen;
  }
}

/** The logged-in citizen of a `citizen` route; the hook has already answered 401 without one. */
export function citizenOf(request: FastifyRequest): Citizen {
  if (!request.citizen) throw unauthenticated();
  return request.citizen;
}
