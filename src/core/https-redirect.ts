import http from 'node:http';
import type { Config } from '../config.js';
import { answerClientError } from './error-handler.js';

const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;

/**
 * Where a plain-HTTP request for `url` belongs: the public address when it is https (so a forged
 * Host header cannot redirect anyone elsewhere), else the host the client asked for on the HTTPS
 * port (a laptop, a test). Undefined when the Host header is not a host name.
 */
export function httpsLocation(config: Pick<Config, 'publicUrl'>, httpsPort: number, host: string | undefined, url: string): string | undefined {
  const path = url.startsWith('/') ? url : '/';
  if (config.publicUrl.startsWith('https://')) return `${new URL(config.publicUrl).origin}${path}`;
  const hostname = host?.replace(/:\d+$/, '') ?? '';
  if (!HOST_NAME.test(hostname)) return undefined;
  return `https://${hostname}${httpsPort === 443 ? '' : `:${httpsPort}`}${path}`;
}

/**
 * TEEKA_HTTP_REDIRECT_PORT (decision 0018): a plain-HTTP listener that serves nothing and answers
 * every request with 301 to the same path over HTTPS, so a citizen who types the bare address
 * lands on the encrypted site, and HSTS keeps them there afterwards. It has the main server's
 * timeouts, so slow clients cannot hold it either.
 */
export async function listenForHttpRedirects(
  config: Pick<Config, 'publicUrl' | 'host' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'idleTimeoutMs'>,
  port: number,
  httpsPort: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer({ headersTimeout: config.headersTimeoutMs, requestTimeout: config.requestTimeoutMs }, (request, response) => {
    const location = httpsLocation(config, httpsPort, request.headers.host, request.url ?? '/');
    const body = JSON.stringify(location
      ? { errorCode: 'USE_HTTPS', error: `Teeka answers over HTTPS only: ${location}` }
      : { errorCode: 'BAD_REQUEST', error: 'The Host header is not a host name.' });
    response.writeHead(location ? 301 : 400, {
      ...(location ? { location } : {}), 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  server.setTimeout(config.idleTimeoutMs);
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
