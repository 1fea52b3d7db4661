import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  body: string;
}

export interface LocalServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 that notes every request it gets and answers as `answer` says: a stand-in
 * for an SMS provider that misbehaves, or a bait an attacker hopes the app will call.
 */
export async function startLocalServer(answer: (request: ReceivedRequest, response: http.ServerResponse) => void): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', body };
      received.push(entry);
      answer(entry, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => {
      // A hanging answer keeps its socket open; closing must not wait for it.
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
