import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MicroCache } from './micro-cache.js';

/** True when the client takes gzip (and has not refused it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate === etag || candidate === `W/${etag}`;
  });
}

/**
 * Answers a public GET from the micro-cache, with the headers a CDN needs to cache it too:
 * max-age is what is left of the entry's life, so the answer is never older than the cache TTL
 * wherever it was served from, and a matching If-None-Match gets an empty 304.
 */
export async function replyCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: MicroCache,
  key: string,
  compute: () => Promise<unknown>,
): Promise<void> {
  const entry = await cache.get(key, async () => JSON.stringify(await compute()));
  const gzipped = acceptsGzip(request.headers['accept-encoding']);
  const etag = gzipped ? entry.gzippedEtag : entry.etag;
  reply.header('cache-control', `public, max-age=${cache.remainingSeconds(entry)}`);
  reply.header('vary', 'accept-encoding');
  reply.header('etag', etag);
  if (matchesEtag(request.headers['if-none-match'], etag)) {
    reply.code(304).send();
    return;
  }
  reply.type('application/json; charset=utf-8');
  if (gzipped) reply.header('content-encoding', 'gzip').send(entry.gzipped);
  else reply.send(entry.body);
}
