import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import type { CertificateIssuer } from '../vaccination/record-dose.js';
import { generateUvci } from './formats/uvci.js';
import * as store from './store.js';

/** Every vaccine Teeka records is a two-dose primary series; a third dose is the precaution dose. */
export const PRIMARY_SERIES_DOSES = 2;

export type CertificateKind = 'provisional' | 'final' | 'precaution';

export function certificateKindFor(dose: number): CertificateKind {
  if (dose < PRIMARY_SERIES_DOSES) return 'provisional';
  return dose === PRIMARY_SERIES_DOSES ? 'final' : 'precaution';
}

export interface IssuedCertificate {
  id: string;
  uvci: string;
  kind: CertificateKind;
  issuedAt: Date;
  revokedAt: Date | null;
  dose: number;
  vaccine: string;
  administeredOn: string;
  facilityId: number;
  batchId: string | null;
}

/**
 * Certificates: one per recorded dose, issued in the recording transaction. Only the identifier
 * (a UVCI from the CSPRNG) and the facts of the dose are stored; the signed EU DCC and SMART Health
 * Card are produced at download from the encrypted record, so the database holds no signed copy of
 * anyone's name.
 */
export class CertificateService implements CertificateIssuer {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  async issueFor(trx: Db, dose: { doseRecordId: string; beneficiaryId: string; dose: number }) {
    const certificate = { id: randomUUID(), uvci: generateUvci(), kind: certificateKindFor(dose.dose) };
    await store.insertCertificate(trx, {
      id: certificate.id, beneficiary_id: dose.beneficiaryId, dose_record_id: dose.doseRecordId, uvci: certificate.uvci,
      kind: certificate.kind, issued_at: this.deps.clock.now(), revoked_at: null, revocation_reason: null,
    });
    return certificate;
  }

  /** Revokes a certificate (a correction or fraud); it appears in the revocation list at once. */
  async revoke(uvci: string, reason: string, trx: Db = this.deps.db): Promise<boolean> {
    return store.revokeCertificate(trx, uvci, reason, this.deps.clock.now());
  }

  async certificatesOf(beneficiaryId: string): Promise<IssuedCertificate[]> {
    return (await store.selectCertificatesOf(this.deps.db, beneficiaryId)).map((row) => ({
      id: row.id, uvci: row.uvci, kind: row.kind, issuedAt: new Date(row.issued_at), revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      dose: row.dose, vaccine: row.vaccine, administeredOn: row.administered_on, facilityId: row.facility_id, batchId: row.batch_id,
    }));
  }
}
