import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/service.js';
import { OutOfScopeError } from '../staff/scope.js';

/**
 * The api scope's onError hook (decision 0015): a staff request refused by a scope check answers
 * the 404 of a record that does not exist, and is recorded here as a refusal, so the detection
 * rules count it. It runs once the handler has failed, when any transaction it opened has rolled
 * back: the refusal is written on its own, and nothing waits on a connection it holds.
 */
export function recordScopeRefusals(access: AccessService) {
  return async (request: FastifyRequest, _reply: FastifyReply, error: Error): Promise<void> => {
    if (!(error instanceof OutOfScopeError) || !request.staff) return;
    try {
      await access.recordOutOfScope(request.staff, error.target, `${request.method} ${request.routeOptions.url ?? ''}`);
    } catch (failure) {
      request.log.error({ err: failure }, 'a refusal outside scope could not be recorded');
    }
  };
}
