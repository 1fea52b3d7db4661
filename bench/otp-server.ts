/**
 * The server under test for otp.bench.ts: the real app (limits per address off, since one load
 * generator is one address) with the development outbox, plus two bench-only routes: one that
 * reads a mobile's latest OTP from the outbox (a phone, in effect) and a bare one for the baseline.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { DevOutbox } from '../src/core/sms/dev-outbox.js';
import { openRuntime } from '../src/runtime.js';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'teeka-bench-'));
const config = { ...loadConfig({ ...process.env, TEEKA_DATA_DIR: dataDir }), publicRateLimit: 0, otpRequestsPerIpPerHour: 1e9, port: 0 };
const runtime = await openRuntime(config);
await runtime.services.demo.seed();
await runtime.services.geography.load();
const app = await buildApp({ config, database: runtime.database, services: runtime.services, clock: runtime.clock, logger: false });
const outbox = runtime.services.sms as DevOutbox;
app.get('/__bench/phone', async (request) => {
  const { mobile } = request.query as { mobile: string };
  const message = outbox.list().find((m) => m.to === mobile);
  return { otp: message ? /\b(\d{6})\b/.exec(message.text)?.[1] : undefined };
});
app.post('/__bench/bare', async () => ({ txnId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }));
app.get('/__bench/bare', async () => ({ otp: '123456' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send!({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });

process.on('message', async () => {
  await app.close();
  await runtime.close();
  await fs.rm(dataDir, { recursive: true, force: true });
  process.exit(0);
});
