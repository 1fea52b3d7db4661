/**
 * Public search throughput: calendarByDistrict for Mumbai (40+ centres, 7 days) against a bare
 * route on the same server that returns the same bytes from memory. The ratio says how much the
 * API path (routing, parameter checks, micro-cache lookup, ETag) costs over writing bytes out.
 * Goal: ratio >= 0.8 with answers at most 5 s stale.
 */
import fs from 'node:fs/promises';
import autocannon from 'autocannon';
import { formatCowinDate, todayInIndia } from '../src/core/calendar-date.js';
import { forkServer } from './fork-server.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;
const DISTRICT_ID = 395;

interface Ready { url: string; bytes: number; gzippedBytes: number; centres: number; cacheControl: string }

async function load(url: string, duration: number, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { requests_per_s: Math.round(result.requests.average), p99_ms: result.latency.p99 };
}

const searchPath = `/api/v2/appointment/sessions/public/calendarByDistrict?district_id=${DISTRICT_ID}&date=${formatCowinDate(todayInIndia(new Date()))}`;
process.stderr.write('public-search: starting and seeding the server (about 15 s)...\n');
const server = await forkServer<Ready>(new URL('./public-search-server.ts', import.meta.url), { BENCH_SEARCH_PATH: searchPath });
const { ready } = server;

try {
  process.stderr.write(`public-search: warming up ${WARMUP_S} s each, then ${DURATION_S} s each with ${CONNECTIONS} connections\n`);
  await load(`${ready.url}${searchPath}`, WARMUP_S);
  await load(`${ready.url}/__bench/bare`, WARMUP_S);
  const search = await load(`${ready.url}${searchPath}`, DURATION_S);
  const bare = await load(`${ready.url}/__bench/bare`, DURATION_S);
  // What browsers and phones actually get: the same answer gzipped, against the same gzipped bytes.
  const searchGzip = await load(`${ready.url}${searchPath}`, DURATION_S, { 'accept-encoding': 'gzip' });
  const bareGzip = await load(`${ready.url}/__bench/bare-gzip`, DURATION_S);
  const report = {
    bench: 'public-search',
    at: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    district_id: DISTRICT_ID,
    centres: ready.centres,
    response_bytes: ready.bytes,
    connections: CONNECTIONS,
    duration_s: DURATION_S,
    max_stale_s: 5,
    cache_control: ready.cacheControl,
    calendar_by_district: search,
    bare_same_bytes: bare,
    ratio: Number((search.requests_per_s / bare.requests_per_s).toFixed(3)),
    gzipped_bytes: ready.gzippedBytes,
    calendar_by_district_gzip: searchGzip,
    bare_same_bytes_gzip: bareGzip,
    ratio_gzip: Number((searchGzip.requests_per_s / bareGzip.requests_per_s).toFixed(3)),
  };
  const line = JSON.stringify(report);
  process.stdout.write(`${line}\n`);
  await fs.mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await fs.writeFile(new URL('./results/public-search.json', import.meta.url), `${line}\n`);
} finally {
  await server.stop();
}
