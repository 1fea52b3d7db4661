import type { FastifyServerOptions } from 'fastify';

/**
 * Logs carry ids and masked values only (DESIGN.md §1). Credentials never reach a log line, even
 * at debug level: they are redacted by path before pino serialises anything.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  };
}
