/**
 * OTP round trips per second: ask for an OTP, read it off the "phone" (the development outbox),
 * confirm its SHA-256 and get a token, for distinct mobiles, N at a time. The baseline is the same
 * three HTTP calls to bare routes of the same server, so the ratio is the cost of the OTP rules,
 * the keyed hashes, the encryption and the audit log on top of HTTP.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import { forkServer } from './fork-server.js';

const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 20);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function postJson(url: string, body: object): Promise<Record<string, string>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

async function measure(count: number, roundTrip: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const i = next++;
      const begun = performance.now();
      await roundTrip(i);
      latencies.push(performance.now() - begun);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { round_trips_per_s: Math.round(count / seconds), p99_ms: Math.round(latencies[Math.floor(latencies.length * 0.99)]!) };
}

process.stderr.write('otp: starting and seeding the server (about 15 s)...\n');
const server = await forkServer<{ url: string }>(new URL('./otp-server.ts', import.meta.url));
const { url } = server.ready;
try {
  const otp = await measure(ROUND_TRIPS, async (i) => {
    const mobile = String(7_200_000_000 + i);
    const { txnId } = await postJson(`${url}/api/v2/auth/generateMobileOTP`, { mobile });
    const { otp: code } = (await (await fetch(`${url}/__bench/phone?mobile=${mobile}`)).json()) as { otp: string };
    const { token } = await postJson(`${url}/api/v2/auth/validateMobileOtp`, { txnId, otp: sha256(code) });
    if (!token) throw new Error('no token');
  });
  const bare = await measure(ROUND_TRIPS, async () => {
    await postJson(`${url}/__bench/bare`, {});
    await (await fetch(`${url}/__bench/bare`)).json();
    await postJson(`${url}/__bench/bare`, {});
  });
  const report = {
    bench: 'otp',
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    round_trips: ROUND_TRIPS,
    concurrency: CONCURRENCY,
    otp_login: otp,
    bare_three_calls: bare,
    ratio: Number((otp.round_trips_per_s / bare.round_trips_per_s).toFixed(3)),
  };
  const line = JSON.stringify(report);
  process.stdout.write(`${line}\n`);
  await fs.mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await fs.writeFile(new URL('./results/otp.json', import.meta.url), `${line}\n`);
} finally {
  await server.stop();
}
