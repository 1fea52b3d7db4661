/**
 * The server under test for public-search.bench.ts, in its own process so that the load
 * generator does not share its event loop: the real app (rate limit off) plus one bare route
 * that returns, from memory, the same bytes calendarByDistrict answers.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/runtime.js';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-bench-'));
const config = { ...loadConfig({ TEEKA_DATA_DIR: dataDir }), publicRateLimit: 0, port: 0 };
const runtime = await openRuntime(config);
await runtime.services.demo.seed();
await runtime.services.geography.load();
const app = await buildApp({ config, database: runtime.database, services: runtime.services, clock: runtime.clock, logger: false });

const searchPath = process.env.BENCH_SEARCH_PATH!;
let bareBody = '';
let bareGzipped: Buffer = Buffer.alloc(0);
app.get('/__bench/bare', async (_request, reply) => reply.type('application/json; charset=utf-8').send(bareBody));
app.get('/__bench/bare-gzip', async (_request, reply) =>
  reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(bareGzipped));
await app.listen({ host: '127.0.0.1', port: 0 });
const probe = await app.inject({ url: searchPath });
bareBody = probe.body;
bareGzipped = (await app.inject({ url: searchPath, headers: { 'accept-encoding': 'gzip' } })).rawPayload;
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.send!({
  url: `http://127.0.0.1:${port}`,
  bytes: Buffer.byteLength(bareBody),
  gzippedBytes: bareGzipped.length,
  centres: (JSON.parse(bareBody) as { centers: unknown[] }).centers.length,
  cacheControl: probe.headers['cache-control'],
});

process.on('message', async () => {
  await app.close();
  await runtime.close();
  await fs.rm(dataDir, { recursive: true, force: true });
  process.exit(0);
});
