import type { Config } from '../config.js';
import type { TlsFiles } from './tls.js';

/**
 * Decision 0018: no JSON request Teeka takes comes near 64 KiB (the largest, a certificate QR to
 * verify, is under 8 KB); the CSV uploads raise their own limit. A bigger body is refused with 413
 * before it is read into memory.
 */
export const BODY_LIMIT_BYTES = 64 * 1024;

type TimeoutSettings = Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'keepAliveTimeoutMs'>;

/**
 * What the node server needs against slow clients (decision 0018). A client that sends its headers
 * a byte at a time (slowloris) is cut off after `headersTimeoutMs`; one that drips a body, after
 * `requestTimeoutMs`; a connection silent both ways, after `idleTimeoutMs`. Node checks the first
 * two on a timer, 30 s apart by default, which would let a slow client hold its connection that much
 * longer than the setting says, so the timer here runs at a quarter of the shorter one (at most 1 s).
 */
export function httpServerOptions(config: TimeoutSettings, tls: TlsFiles | undefined) {
  const shortest = config.requestTimeoutMs > 0 ? Math.min(config.headersTimeoutMs, config.requestTimeoutMs) : config.headersTimeoutMs;
  const nodeOptions = {
    headersTimeout: config.headersTimeoutMs,
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(shortest / 4))),
  };
  return {
    bodyLimit: BODY_LIMIT_BYTES,
    connectionTimeout: config.idleTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    ...(tls ? { https: { ...tls, ...nodeOptions } } : { http: nodeOptions }),
  };
}
