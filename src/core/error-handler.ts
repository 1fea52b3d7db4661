import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

interface ValidationIssue {
  instancePath?: string;
  params?: { missingProperty?: string };
  message?: string;
}

function fieldOf(issue: ValidationIssue | undefined, context: string | undefined): string {
  if (!issue) return context ?? 'request';
  const fromPath = issue.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  return issue.params?.missingProperty ?? (fromPath || context || 'request');
}

/**
 * Every error leaves in one envelope, Co-WIN's `{"errorCode","error"}`. AppErrors and validation
 * errors say what to fix; anything else is a 500 with the request id only, so no stack trace,
 * SQL or personal data reaches a client.
 */
export function installErrorHandler(app: FastifyInstance, options: { webApp: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send({ errorCode: error.code, error: error.message });
    }
    if ('validation' in error && error.validation) {
      const issue = error.validation[0] as ValidationIssue | undefined;
      const field = fieldOf(issue, error.validationContext);
      return reply.code(400).send({ errorCode: 'INVALID_INPUT', error: `${field}: ${issue?.message ?? 'is not valid'}` });
    }
    const status = error.statusCode ?? 500;
    if (status === 503) {
      // Load shedding (@fastify/under-pressure): the client should come back, not report a fault.
      reply.header('retry-after', String(reply.getHeader('retry-after') ?? 5));
      return reply.code(503).send({ errorCode: 'SERVER_BUSY', error: 'Teeka is very busy right now. Please try again in a few seconds.' });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, unsupported media type): safe to say.
      return reply.code(status).send({ errorCode: error.code ?? 'BAD_REQUEST', error: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ errorCode: 'GERR001', error: `Something Went wrong! Please try again; if it keeps failing, quote request ${request.id}.` });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // The web app routes in the browser (/login, /family, /book/...): a reload or a shared link to
    // one of its pages gets the page, while API paths keep their JSON 404.
    const wantsPage = options.webApp && request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')
      && !/^\/(api|__dev|assets)(\/|$)/.test(path);
    if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).send({ errorCode: 'NOT_FOUND', error: `There is nothing at ${request.method} ${path}.` });
  });
}
