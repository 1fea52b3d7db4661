/**
 * Certificates, from the signature to the citizen's download.
 *
 * 1. Signing, in this process: EU DCC issues (CBOR, COSE_Sign1 ES256, zlib, base45) and SMART Health
 *    Card issues (JWS ES256 over raw DEFLATE, shc:/ numeric) per second, against the baseline of bare
 *    ECDSA P-256 signatures per second (node:crypto) with the same key. The ratio says what the
 *    formats cost on top of the signature nobody can avoid.
 * 2. PDF rendering, in this process: certificates per second with a Latin name and with a Devanagari
 *    one, against the baseline of a blank A4 page with the same four Noto fonts embedded and saved.
 *    Font parsing and subsetting is the floor of any PDF that can print a Hindi name, so the ratio
 *    says what the certificate itself adds (layout, Indic shaping, the QR code). Encoding the QR
 *    matrix alone is reported beside it.
 * 3. Through the real HTTP API, on a server in its own process (PGlite): the latency from recording a
 *    dose to its certificate being downloaded (POST /api/staff/centre/doses, then the citizen's GET of
 *    the PDF), one dose at a time; then whole doses per second (open the encounter with the security
 *    code, record the dose) and certificate PDFs downloaded per second, N at a time, against the
 *    baseline of two bare calls to the same server.
 *
 * Rates are given per second of wall time and per second of CPU time (this process's in 1-2, the
 * server's in 3): the machines these run on are shared, and CPU time per operation is what the
 * core count for Co-WIN's peak (290 doses a second) is worked out from. Each loop is bounded
 * (BENCH_SECONDS per measurement in 1-2; BENCH_LATENCY_DOSES, BENCH_DOWNLOADS and the server's
 * BENCH_CITIZENS in 3): a few minutes on an idle two-core machine.
 */
import { sign } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import { Secret, TOTP } from 'otpauth';
import { PageSizes, PDFDocument } from 'pdf-lib';
import { embedNotoFonts } from '../src/core/pdf/fonts.js';
import { certificateQr, renderCertificatePdf, type CertificatePdfData } from '../src/modules/certificates/certificate-pdf.js';
import { issueHc1 } from '../src/modules/certificates/formats/eu-dcc/issue.js';
import { generateSigningKey } from '../src/modules/certificates/formats/signing-key.js';
import { issueShc } from '../src/modules/certificates/formats/smart-health-card/issue.js';
import { shcKidOf } from '../src/modules/certificates/formats/smart-health-card/jwks.js';
import { generateUvci } from '../src/modules/certificates/formats/uvci.js';
import type { CertificateValidity, VaccinationCertificateData } from '../src/modules/certificates/formats/vaccination-certificate-data.js';
import type { CertificatesServerReady, DoseTask } from './certificates-server.js';
import { forkServer } from './fork-server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const LATENCY_DOSES = Number(process.env.BENCH_LATENCY_DOSES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS ?? 120);
const PEAK_DOSES_PER_S = 290;

const cpuMicros = () => {
  const used = process.cpuUsage();
  return used.user + used.system;
};

/**
 * Runs `operation` back to back for SECONDS (after a short warm-up): operations per second of wall
 * time, and per second of this process's CPU time, which other work on the machine does not dilute.
 */
async function perSecond(operation: () => unknown): Promise<{ per_s: number; per_cpu_s: number }> {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) await operation();
  let count = 0;
  const started = performance.now();
  const cpuStarted = cpuMicros();
  const until = started + SECONDS * 1000;
  while (performance.now() < until) {
    await operation();
    count += 1;
  }
  return {
    per_s: Math.round((count / (performance.now() - started)) * 1000 * 10) / 10,
    per_cpu_s: Math.round((count / (cpuMicros() - cpuStarted)) * 1e6 * 10) / 10,
  };
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10;

// Other work on the machine slows every figure; the report says how busy it was.
const loadAtStart = round(os.loadavg()[0]!, 2);

// 1. Signing
const key = generateSigningKey();
const shcKid = await shcKidOf(key.privateKey);
const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
const data: VaccinationCertificateData & CertificateValidity = {
  familyName: 'Sharma', givenName: 'Rajesh Kumar', dateOfBirth: '1968', vaccine: 'COVISHIELD', doseNumber: 2, totalDoses: 2,
  date: issuedAt.toISOString().slice(0, 10), country: 'IN', issuer: 'Ministry of Health and Family Welfare, India', uvci: generateUvci(),
  issuedAt, expiresAt: new Date(issuedAt.getTime() + 365 * 86_400_000),
};
process.stderr.write('certificates: signing...\n');
const message = Buffer.alloc(128, 7);
const ecdsa = await perSecond(() => sign('sha256', message, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }));
const dcc = await perSecond(() => issueHc1(data, { kid: key.kid, privateKey: key.privateKey }));
const shc = await perSecond(() => issueShc({ data, issuerUrl: 'https://teeka.example.in', key: key.privateKey, kid: shcKid, rid: 'AAAAAAAAAAAAAAAA' }));

// 2. PDF rendering
const hc1 = issueHc1(data, { kid: key.kid, privateKey: key.privateKey }).hc1;
const pdfData = (name: string): CertificatePdfData => ({
  kind: 'final', uvci: data.uvci, name, age: 58, gender: 'Male', photoIdType: 'Aadhaar Card', photoIdMasked: 'XXXX-XXXX-4321',
  referenceId: '12345678901234', qrText: hc1, issuedAt,
  doses: [1, 2].map((dose) => ({
    dose, vaccine: 'COVISHIELD', date: '10-01-2026', batchNumber: '4121Z025', centreName: 'Municipal Dispensary Mumbai Rural', district: 'Mumbai', state: 'Maharashtra',
  })),
});
process.stderr.write('certificates: rendering PDFs...\n');
const blank = await perSecond(async () => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  await embedNotoFonts(doc);
  doc.addPage(PageSizes.A4);
  return doc.save({ useObjectStreams: false });
});
const pdfEn = await perSecond(() => renderCertificatePdf(pdfData('Rajesh Kumar Sharma')));
const pdfHi = await perSecond(() => renderCertificatePdf(pdfData('सुनीता शर्मा')));
const qr = await perSecond(() => certificateQr(hc1));

// 3. Through the HTTP API
process.stderr.write('certificates: starting the server, seeding and booking citizens (about a minute)...\n');
const server = await forkServer<CertificatesServerReady>(new URL('./certificates-server.ts', import.meta.url));
const { url, tasks } = server.ready;

/**
 * Requests the server shed because its event loop lagged (@fastify/under-pressure answers before any
 * handler runs, so nothing was done) are tried again after a pause, and counted in the report: on a
 * shared machine another process can starve the server for a second.
 */
let shed = 0;
async function fetchRetryingShed(path: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${url}${path}`, init);
    if (response.status !== 500 && response.status !== 503) return response;
    if (attempt === 5) return response;
    shed += 1;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The vaccinator's browser: cookies, and the CSRF token on every POST (decision 0007). */
class StaffClient {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  async send(path: string, body?: object): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': this.csrf });
    const response = await fetchRetryingShed(path, { method: body ? 'POST' : 'GET', headers, body: body && JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      this.cookies.set(name, value);
    }
    return response;
  }

  async signIn(account: CertificatesServerReady['vaccinator']): Promise<void> {
    this.csrf = ((await (await this.send('/api/staff/csrf')).json()) as { token: string }).token;
    const login = (await (await this.send('/api/staff/login', { username: account.username, password: account.password })).json()) as { challenge_token: string };
    const code = TOTP.generate({ secret: Secret.fromBase32(account.totpSecret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: Date.now() });
    const done = await this.send('/api/staff/login/totp', { challenge_token: login.challenge_token, code });
    if (!done.ok) throw new Error(`staff sign-in: ${done.status} ${await done.text()}`);
    this.csrf = ((await (await this.send('/api/staff/csrf')).json()) as { token: string }).token;
  }

  /** A whole dose at the centre: the citizen shows their code, the vaccinator records the dose. */
  async giveDose(task: DoseTask): Promise<void> {
    await this.openEncounter(task);
    await this.record(task);
  }

  async openEncounter(task: DoseTask): Promise<void> {
    const encounter = await this.send('/api/staff/centre/encounters', { appointment_id: task.appointmentId, security_code: task.securityCode });
    if (encounter.status !== 204) throw new Error(`encounter: ${encounter.status} ${await encounter.text()}`);
  }

  async record(task: DoseTask): Promise<void> {
    const dose = await this.send('/api/staff/centre/doses', { appointment_id: task.appointmentId, batch_id: server.ready.batchId, photo_id_last4: task.photoIdLast4 });
    if (dose.status !== 201) throw new Error(`dose: ${dose.status} ${await dose.text()}`);
  }
}

async function downloadCertificate(task: DoseTask): Promise<number> {
  const response = await fetchRetryingShed(`/api/v2/registration/certificate/public/download?beneficiary_reference_id=${task.referenceId}`, {
    headers: { authorization: `Bearer ${task.token}` },
  });
  const pdf = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || response.headers.get('content-type') !== 'application/pdf' || pdf.subarray(0, 5).toString() !== '%PDF-') {
    throw new Error(`certificate: ${response.status} ${pdf.subarray(0, 200).toString()}`);
  }
  return pdf.length;
}

const serverCpuMicros = async () => (await server.ask<{ micros: number }>({ cpu: true })).micros;

/**
 * Runs `job` over `items`, CONCURRENCY at a time: items per second of wall time, p99 of one job in
 * ms, and the server's CPU milliseconds per item (PGlite runs inside the server, so this includes
 * the database's work).
 */
async function throughput<T>(items: T[], job: (item: T) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const cpuStarted = await serverCpuMicros();
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const begun = performance.now();
      await job(item);
      latencies.push(performance.now() - begun);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = ((await serverCpuMicros()) - cpuStarted) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    per_s: Math.round((items.length / seconds) * 10) / 10, p99_ms: percentile(latencies, 0.99), count: items.length,
    server_cpu_ms_each: round(cpuMs / items.length, 2),
  };
}

try {
  const staff = new StaffClient();
  await staff.signIn(server.ready.vaccinator);
  const latencyTasks = tasks.slice(0, LATENCY_DOSES);
  const loadTasks = tasks.slice(LATENCY_DOSES);
  const downloadTasks = loadTasks.slice(0, DOWNLOADS);

  process.stderr.write(`certificates: ${latencyTasks.length} doses one at a time, each until its certificate downloads...\n`);
  const recordMs: number[] = [];
  const downloadMs: number[] = [];
  const untilDownloadable: number[] = [];
  let pdfBytes = 0;
  for (const task of latencyTasks) {
    await staff.openEncounter(task);
    const started = performance.now();
    await staff.record(task);
    const recorded = performance.now();
    pdfBytes += await downloadCertificate(task);
    const downloaded = performance.now();
    recordMs.push(recorded - started);
    downloadMs.push(downloaded - recorded);
    untilDownloadable.push(downloaded - started);
  }
  for (const list of [recordMs, downloadMs, untilDownloadable]) list.sort((a, b) => a - b);

  process.stderr.write(`certificates: ${loadTasks.length} whole doses, then ${downloadTasks.length} of their certificates, ${CONCURRENCY} at a time...\n`);
  const doses = await throughput(loadTasks, (task) => staff.giveDose(task));
  const downloads = await throughput(downloadTasks, downloadCertificate);
  const bare = await throughput(loadTasks, async () => {
    await (await fetchRetryingShed('/__bench/bare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    await (await fetchRetryingShed('/__bench/bare')).json();
  });

  // A core gives 1000 CPU ms a second: cores = doses per second x CPU seconds per dose.
  const coresForRecording = (PEAK_DOSES_PER_S * doses.server_cpu_ms_each) / 1000;
  const coresForDownloads = (PEAK_DOSES_PER_S * downloads.server_cpu_ms_each) / 1000;
  const report = {
    bench: 'certificates',
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    load_average_1m_at_start: loadAtStart,
    database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    signing: {
      ecdsa_p256: ecdsa,
      eu_dcc: dcc,
      smart_health_card: shc,
      ratio_dcc: round(dcc.per_cpu_s / ecdsa.per_cpu_s),
      ratio_shc: round(shc.per_cpu_s / ecdsa.per_cpu_s),
    },
    pdf: {
      blank_page_same_fonts: blank,
      certificate_latin_name: pdfEn,
      certificate_devanagari_name: pdfHi,
      qr_matrix_only: qr,
      ratio_latin: round(pdfEn.per_cpu_s / blank.per_cpu_s),
      ratio_devanagari: round(pdfHi.per_cpu_s / blank.per_cpu_s),
    },
    dose_to_certificate: {
      doses: latencyTasks.length,
      record_ms: { p50: percentile(recordMs, 0.5), p99: percentile(recordMs, 0.99) },
      download_ms: { p50: percentile(downloadMs, 0.5), p99: percentile(downloadMs, 0.99) },
      until_downloaded_ms: { p50: percentile(untilDownloadable, 0.5), p99: percentile(untilDownloadable, 0.99) },
      mean_pdf_bytes: Math.round(pdfBytes / latencyTasks.length),
    },
    under_load: {
      concurrency: CONCURRENCY,
      whole_doses: doses,
      certificate_downloads: downloads,
      bare_two_calls: bare,
      ratio_doses: round(doses.per_s / bare.per_s),
      requests_shed_and_retried: shed,
    },
    peak_day: {
      doses_per_s: PEAK_DOSES_PER_S,
      cores_recording_doses: round(coresForRecording, 2),
      cores_one_certificate_download_per_dose: round(coresForDownloads, 2),
      cores_total: round(coresForRecording + coresForDownloads, 2),
    },
  };
  const line = JSON.stringify(report);
  process.stdout.write(`${line}\n`);
  await fs.mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await fs.writeFile(new URL('./results/certificates.json', import.meta.url), `${line}\n`);
} finally {
  await server.stop();
}
