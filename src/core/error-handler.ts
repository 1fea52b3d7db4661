import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  schemaPath?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
  message?: string;
}

function fieldOf(issue: ValidationIssue | undefined, context: string | undefined): string {
  if (!issue) return context ?? 'request';
  const fromPath = issue.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  if (issue.params?.additionalProperty !== undefined) return [fromPath, issue.params.additionalProperty].filter(Boolean).join('.');
  return issue.params?.missingProperty ?? (fromPath || context || 'request');
}

/**
 * Decision 0018: schemas refuse properties they do not name. When a value could match more than one
 * shape (a body that may be empty), the unknown property is the useful thing to say.
 */
function mainIssue(issues: ValidationIssue[]): ValidationIssue | undefined {
  return issues.find((i) => i.keyword === 'additionalProperties') ?? issues[0];
}

function messageOf(issue: ValidationIssue | undefined, schema: unknown): string {
  if (issue?.keyword === 'additionalProperties') return 'is not a field this request takes; leave it out';
  // A regular expression says nothing to a person; the schema's description says what is expected.
  if (issue?.keyword === 'pattern') {
    const expected = describedAt(schema, issue.schemaPath);
    return expected ? `is not in the expected form: ${expected}` : 'is not in the expected form';
  }
  return issue?.message ?? 'is not valid';
}

/** The description of the schema that holds the failing keyword (`#/properties/date/pattern` → properties.date). */
function describedAt(schema: unknown, schemaPath: string | undefined): string | undefined {
  let node = schema;
  for (const step of (schemaPath ?? '').replace(/^#\//, '').split('/').slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[decodeURIComponent(step.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  const description = (node as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? description : undefined;
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
      const issue = mainIssue(error.validation as ValidationIssue[]);
      const field = fieldOf(issue, error.validationContext);
      const schema = error.validationContext ? (request.routeOptions.schema as Record<string, unknown> | undefined)?.[error.validationContext] : undefined;
      return reply.code(400).send({ errorCode: 'INVALID_INPUT', error: `${field}: ${messageOf(issue, schema)}` });
    }
    const status = error.statusCode ?? 500;
    if (status === 503) {
      // Load shedding (@fastify/under-pressure): the client should come back, not report a fault.
      reply.header('retry-after', String(reply.getHeader('retry-after') ?? 5));
      return reply.code(503).send({ errorCode: 'SERVER_BUSY', error: 'Teeka is very busy right now. Please try again in a few seconds.' });
    }
    if (status >= 400 && status < 500) return reply.code(status).send(clientErrorBody(error, status, request));
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ errorCode: 'GERR001', error: `Something Went wrong! Please try again; if it keeps failing, quote request ${request.id}.` });
  });

  // Fastify answers 404, not 405, for a known path with another method (see fastify/fastify#862).
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

/**
 * A client error from Fastify or a plugin. The frequent ones get a sentence saying what to send
 * instead; other Fastify errors (`FST_*`, e.g. a missing CSRF token) keep their code and their own
 * message, which names no internals; anything else says only its HTTP status, because a library's
 * message may quote the request or the server's state.
 */
function clientErrorBody(error: FastifyError, status: number, request: FastifyRequest): { errorCode: string; error: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions.bodyLimit ?? 0;
      return { errorCode: 'PAYLOAD_TOO_LARGE', error: `The request body is larger than ${Math.floor(limit / 1024)} KiB, the most this address accepts.` };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const accepted = (request.routeOptions.schema?.consumes as string[] | undefined) ?? ['application/json'];
      return { errorCode: 'UNSUPPORTED_MEDIA_TYPE', error: `Send the body with Content-Type: ${accepted.join(' or ')}.` };
    }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { errorCode: 'INVALID_JSON', error: 'The request body is not valid JSON.' };
    default:
      if (error.code?.startsWith('FST_')) return { errorCode: error.code, error: error.message };
      return { errorCode: 'BAD_REQUEST', error: `The request was refused (${status} ${STATUS_CODES[status] ?? 'Client Error'}).` };
  }
}

/** Errors Fastify meets before a route runs: a URL that cannot be decoded, or an unusable route constraint. */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  const message = error.code === 'FST_ERR_BAD_URL' ? 'The address is not valid: check its %-escapes.' : 'The request could not be routed.';
  void reply.code(status).send({ errorCode: error.code === 'FST_ERR_BAD_URL' ? 'BAD_URL' : 'BAD_REQUEST', error: message });
}

/**
 * What the server says when a connection breaks HTTP before Fastify sees a request: too slow
 * (decision 0018's timeouts), headers too large, or not HTTP. Same envelope as every other error;
 * then the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? [408, { errorCode: 'REQUEST_TIMEOUT', error: 'The request took too long to arrive. Please try again.' }]
    : error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, { errorCode: 'HEADERS_TOO_LARGE', error: 'The request headers are too large.' }]
      : [400, { errorCode: 'BAD_REQUEST', error: 'The request is not valid HTTP.' }];
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }
  socket.destroy(error);
}
