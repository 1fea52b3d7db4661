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

  /**
   * Revokes every live certificate of a person and issues a fresh one for each of those doses, in
   * the caller's transaction: after a correction of the facts a certificate shows (decision 0011),
   * the old ones must fail verification and the new ones are signed from the corrected record.
   */
  async reissueAll(trx: Db, beneficiaryId: string, reason: string): Promise<{ uvci: string; kind: CertificateKind }[]> {
    const reissued = [];
    for (const live of await store.selectLiveCertificatesOf(trx, beneficiaryId)) {
      await store.revokeCertificate(trx, live.uvci, reason, this.deps.clock.now());
      const fresh = await this.issueFor(trx, { doseRecordId: live.dose_record_id, beneficiaryId, dose: live.dose });
      reissued.push({ uvci: fresh.uvci, kind: fresh.kind });
    }
    return reissued;
  }

  /**
   * The dose and person a certificate was issued for, by the UVCI printed on it: how a person names
   * the dose an adverse event followed. A revoked certificate still names its dose.
   */
  async doseOf(uvci: string, db: Db = this.deps.db): Promise<{ doseRecordId: string; beneficiaryId: string } | undefined> {
    const row = await store.selectDoseOfCertificate(db, uvci.trim());
    return row && { doseRecordId: row.dose_record_id, beneficiaryId: row.beneficiary_id };
  }

  async certificatesOf(beneficiaryId: string): Promise<IssuedCertificate[]> {
    return (await store.selectCertificatesOf(this.deps.db, beneficiaryId)).map((row) => ({
      id: row.id, uvci: row.uvci, kind: row.kind, issuedAt: new Date(row.issued_at), revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      dose: row.dose, vaccine: row.vaccine, administeredOn: row.administered_on, facilityId: row.facility_id, batchId: row.batch_id,
    }));
  }
}
