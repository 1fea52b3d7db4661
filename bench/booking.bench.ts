/**
 * Booking under contention: many accounts race for few seats (2,000 attempts for 500 seats across
 * 50 sessions). Reports attempts and bookings per second, p99, and the confirmed count, which must
 * equal the seats. The baseline is the minimal SQL a booking needs, issued directly through the
 * same driver with the same concurrency; the ratio says what the API, its checks and its
 * encryption cost on top.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import autocannon from 'autocannon';
import { forkServer } from './fork-server.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Ready { url: string; seats: number; tasks: { token: string; referenceId: string; sessionId: string; slot: string }[] }

process.stderr.write('booking: starting the server, seeding and preparing accounts (about a minute)...\n');
const server = await forkServer<Ready>(new URL('./booking-server.ts', import.meta.url));
const { ready } = server;
try {
  let next = 0;
  const statuses = new Map<number, number>();
  const result = await autocannon({
    url: `${ready.url}/api/v2/appointment/schedule`,
    connections: CONNECTIONS,
    amount: ready.tasks.length,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        const task = ready.tasks[next++ % ready.tasks.length]!;
        return {
          ...request,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${task.token}` },
          body: JSON.stringify({ dose: 1, session_id: task.sessionId, slot: task.slot, beneficiaries: [task.referenceId] }),
        };
      },
      onResponse: (status) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
    }],
  });
  const counted = await server.ask<{ confirmed: number; seatsTaken: number }>({ count: true });
  const baseline = await server.ask<{ attemptsPerSecond: number; booked: number; seconds: number }>({
    baseline: { attempts: ready.tasks.length, concurrency: CONNECTIONS },
  });
  const seconds = result.duration;
  const attemptsPerSecond = Math.round(ready.tasks.length / seconds);
  const report = {
    bench: 'booking',
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    attempts: ready.tasks.length,
    seats: ready.seats,
    connections: CONNECTIONS,
    statuses: Object.fromEntries(statuses),
    confirmed_bookings: counted.confirmed,
    seats_taken: counted.seatsTaken,
    overbooked: counted.confirmed > ready.seats || counted.seatsTaken > ready.seats,
    api: {
      attempts_per_s: attemptsPerSecond,
      bookings_per_s: Math.round(counted.confirmed / seconds),
      p99_ms: result.latency.p99,
      duration_s: Number(seconds.toFixed(2)),
    },
    minimal_sql: { attempts_per_s: baseline.attemptsPerSecond, booked: baseline.booked },
    ratio: Number((attemptsPerSecond / baseline.attemptsPerSecond).toFixed(3)),
  };
  const line = JSON.stringify(report);
  process.stdout.write(`${line}\n`);
  await fs.mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await fs.writeFile(new URL('./results/booking.json', import.meta.url), `${line}\n`);
  if (report.overbooked || counted.confirmed !== ready.seats) process.exitCode = 1;
} finally {
  await server.stop();
}
