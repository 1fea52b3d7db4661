import { createHash } from 'node:crypto';
import type { Citizen } from '../../api/citizen.js';
import { formatCowinDate, todayInIndia } from '../../core/calendar-date.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Services } from '../../services.js';
import type { Ticket } from '../access/schema.js';
import { photoIdTypeById } from '../beneficiaries/id-documents.js';
import type { Member } from '../beneficiaries/service.js';
import { genderById } from '../beneficiaries/person-fields.js';
import { renderCertificatePdf, type CertificatePdfData } from './certificate-pdf.js';
import { issueHc1 } from './formats/eu-dcc/issue.js';
import { issueShc } from './formats/smart-health-card/issue.js';
import { shcKidOf } from './formats/smart-health-card/jwks.js';
import type { CertificateValidity, VaccinationCertificateData } from './formats/vaccination-certificate-data.js';
import type { IssuedCertificate } from './service.js';
import * as store from './store.js';

const ISSUER = 'Ministry of Health and Family Welfare, India';
const VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

/** The latest unrevoked certificate of one of the citizen's own members, and what it certifies. */
async function latestCertificate(services: CertificateDeps, citizen: Citizen, referenceId: string) {
  const member = await services.beneficiaries.findOwnMember(citizen, referenceId);
  const certificates = (await services.certificates.certificatesOf(member.id)).filter((c) => !c.revokedAt);
  const latest = certificates[0];
  if (!latest) throw notFound('certificate: one is issued when a dose is recorded');
  const ticket = await services.access.authorize(citizen, { subject: { kind: 'beneficiary', id: member.id }, purpose: 'certificate', fields: ['name'] });
  return certificateOf(services, ticket, member, certificates, latest);
}

/** What `latest` certifies, with the name read through `ticket`; `certificates` are the live ones it shows, newest first. */
async function certificateOf(services: CertificateDeps, ticket: Ticket, member: Member, certificates: IssuedCertificate[], latest: IssuedCertificate) {
  const name = (await services.beneficiaries.readPersonal(ticket)).name.reveal();
  // Catalogue rows are never deleted, and doses are recorded only with catalogued vaccines.
  const vaccine = services.vaccines.byName(latest.vaccine);
  if (!vaccine) throw new Error(`vaccine ${JSON.stringify(latest.vaccine)} of a certificate is missing from the catalogue`);
  const data: VaccinationCertificateData & CertificateValidity = {
    ...splitName(name),
    dateOfBirth: String(member.birthYear),
    vaccine: vaccine.name,
    codes: { ...vaccine.euDcc, cvx: vaccine.cvxCode },
    doseNumber: latest.dose,
    totalDoses: Math.max(vaccine.dosesInSeries, latest.dose),
    date: latest.administeredOn,
    country: 'IN',
    issuer: ISSUER,
    uvci: latest.uvci,
    // CWT times are whole seconds.
    issuedAt: new Date(Math.floor(latest.issuedAt.getTime() / 1000) * 1000),
    expiresAt: new Date(Math.floor((latest.issuedAt.getTime() + VALIDITY_MS) / 1000) * 1000),
  };
  return { member, latest, certificates, name, data };
}

/** A SMART Health Card's revocation id: short, derived from the UVCI, identifying nobody by itself. */
export function revocationIdOf(uvci: string): string {
  return createHash('sha256').update(uvci).digest('base64url').slice(0, 16);
}

/**
 * The member's latest certificate as both QR texts, the EU DCC (`HC1:`) and the SMART Health Card
 * (a JWS and its `shc:/` numeric form), signed now from one read and one decryption of the record.
 */
export async function certificateQrTextsFor(services: CertificateDeps, citizen: Citizen, referenceId: string, issuerUrl: string) {
  const { latest, data } = await latestCertificate(services, citizen, referenceId);
  if (!data.codes?.cvx) {
    throw new AppError('NO_HEALTH_CARD_CODE', 409, `${data.vaccine} has no code that SMART Health Card readers know; please download the certificate with the EU QR code instead.`);
  }
  const key = services.certificateSigner.current();
  const { hc1 } = issueHc1(data, { kid: key.kid, privateKey: key.privateKey });
  const card = await issueShc({ data, issuerUrl, key: key.privateKey, kid: await shcKidOf(key.privateKey), rid: revocationIdOf(latest.uvci) });
  return { uvci: latest.uvci, kind: latest.kind, euDcc: hc1, smartHealthCard: card };
}

/** Family name is the last word, as Co-WIN printed names; a one-word name is all family name (ICAO 9303). */
function splitName(name: string): { familyName: string; givenName: string } {
  const words = name.trim().split(/\s+/);
  return words.length === 1 ? { familyName: words[0]!, givenName: '' } : { familyName: words.at(-1)!, givenName: words.slice(0, -1).join(' ') };
}

export type CertificateDeps = Pick<Services, 'db' | 'clock' | 'access' | 'beneficiaries' | 'certificates' | 'facilities' | 'geography' | 'certificateSigner' | 'vaccines'>;

/**
 * The latest certificate of one of the citizen's own members, as a PDF with the EU DCC QR. It is
 * signed now, from the encrypted record, with the current key; nothing signed is stored.
 */
export async function certificatePdfFor(services: CertificateDeps, citizen: Citizen, referenceId: string): Promise<Uint8Array> {
  return renderCertificatePdf(await signedCertificateFor(services, citizen, referenceId));
}

/** Everything the certificate PDF shows, with the freshly signed EU DCC (`qrText`). */
export async function signedCertificateFor(services: CertificateDeps, citizen: Citizen, referenceId: string): Promise<CertificatePdfData> {
  return signedPdfData(services, await latestCertificate(services, citizen, referenceId));
}

/**
 * One live certificate of the person a ticket names, as a PDF signed now: how a partner pulls it under
 * the citizen's consent (decision 0017). It shows the doses up to the one it certifies.
 */
export async function certificatePdfForTicket(services: CertificateDeps, ticket: Ticket, certificateId: string): Promise<Uint8Array> {
  const member = await services.beneficiaries.memberById(ticket.subject.id);
  const live = member ? (await services.certificates.certificatesOf(member.id)).filter((c) => !c.revokedAt) : [];
  const chosen = live.find((c) => c.id === certificateId);
  if (!member || !chosen) throw notFound('certificate');
  const shown = live.filter((c) => c.dose <= chosen.dose);
  return renderCertificatePdf(await signedPdfData(services, await certificateOf(services, ticket, member, shown, chosen)));
}

async function signedPdfData(services: CertificateDeps, certified: Awaited<ReturnType<typeof certificateOf>>): Promise<CertificatePdfData> {
  const { member, latest, certificates, name, data } = certified;
  const signer = services.certificateSigner.current();
  const { hc1 } = issueHc1(data, { kid: signer.kid, privateKey: signer.privateKey });
  const facilities = await services.facilities.findByIds(certificates.map((c) => c.facilityId));
  const batches = new Map((await store.selectBatchNumbers(services.db, certificates.map((c) => c.batchId).filter((b): b is string => b !== null)))
    .map((b) => [b.id, b.batch_number]));
  return {
    kind: latest.kind,
    uvci: latest.uvci,
    name,
    age: Number(todayInIndia(services.clock.now()).slice(0, 4)) - member.birthYear,
    gender: genderById(member.genderId)?.gender ?? '',
    photoIdType: photoIdTypeById(member.photoIdType)?.type ?? '',
    photoIdMasked: member.photoIdMasked,
    referenceId: member.referenceId,
    doses: [...certificates].reverse().map((c) => {
      const facility = facilities.get(c.facilityId);
      const place = facility && services.geography.placeOf(facility.districtId);
      return {
        dose: c.dose, vaccine: c.vaccine, date: formatCowinDate(c.administeredOn), batchNumber: (c.batchId && batches.get(c.batchId)) || '',
        centreName: facility?.name ?? '', district: place?.districtName.trim() ?? '', state: place?.stateName ?? '',
      };
    }),
    qrText: hc1,
    issuedAt: latest.issuedAt,
  };
}
