/**
 * What a certificate says, whatever its format (EU DCC, SMART Health Card). The certificates service
 * builds this from a recorded dose; the formats only encode and sign it. Names are as the citizen
 * wrote them, in any script. dateOfBirth is the year only (DESIGN.md §1.3), or the full date when the
 * citizen asks for a travel certificate, because border checks compare it with the passport.
 */
export const certificateVaccines = ['COVISHIELD', 'COVAXIN', 'SPUTNIK V', 'CORBEVAX', 'COVOVAX'] as const;
/** The five vaccines India used, whose codes the formats know without being told (value-sets.ts, vaccine-codes.ts). */
export type CertificateVaccine = (typeof certificateVaccines)[number];

/** How the formats name a vaccine: EU DCC value-set codes, and the CVX code SMART Health Cards use (null: none). */
export interface CertificateVaccineCodes {
  vp: string;
  mp: string;
  ma: string;
  cvx: string | null;
}

export interface VaccinationCertificateData {
  familyName: string;
  givenName: string;
  /** "1985", or "1985-03-02" for a travel certificate. */
  dateOfBirth: string;
  /** The catalogue's name, e.g. "COVISHIELD". */
  vaccine: string;
  /**
   * The vaccine's codes from the catalogue, as the certificates service passes them, so an edit by the
   * national administrator reaches the next certificate. Without them, only the five founding vaccines
   * can be encoded, with the codes they were seeded with.
   */
  codes?: CertificateVaccineCodes;
  doseNumber: number;
  totalDoses: number;
  /** Date of this dose, YYYY-MM-DD. */
  date: string;
  country: 'IN';
  /** Who issues the certificate, e.g. "Ministry of Health and Family Welfare, India"; at most 80 characters. */
  issuer: string;
  /** URN:UVCI:01:IN:…#c, see uvci.ts. */
  uvci: string;
}

/** When the signed certificate starts and stops being acceptable (CWT iat and exp). */
export interface CertificateValidity {
  issuedAt: Date;
  expiresAt: Date;
}

const isRealDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};

/**
 * Refuses data no format could carry honestly. A RangeError here is a bug in the caller, not bad
 * citizen input: the vaccination service has already validated the dose it recorded.
 */
export function assertCertificateData(data: VaccinationCertificateData): void {
  if (!data.codes && !(certificateVaccines as readonly string[]).includes(data.vaccine)) throw new RangeError(`unknown vaccine ${JSON.stringify(data.vaccine)}`);
  if (data.codes && !(data.vaccine.trim() && data.codes.vp.trim() && data.codes.mp.trim() && data.codes.ma.trim())) {
    throw new RangeError('a catalogued vaccine needs its name and its EU DCC vp, mp and ma codes');
  }
  if (!data.familyName.trim() && !data.givenName.trim()) throw new RangeError('a certificate needs a family name or a given name');
  if (!/^\d{4}(-\d{2}-\d{2})?$/.test(data.dateOfBirth) || (data.dateOfBirth.length > 4 && !isRealDate(data.dateOfBirth))) {
    throw new RangeError('dateOfBirth must be YYYY or YYYY-MM-DD');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.date) || !isRealDate(data.date)) throw new RangeError('date must be YYYY-MM-DD');
  if (!Number.isInteger(data.doseNumber) || data.doseNumber < 1) throw new RangeError('doseNumber must be a whole number from 1');
  if (!Number.isInteger(data.totalDoses) || data.totalDoses < 1) throw new RangeError('totalDoses must be a whole number from 1');
  if (!data.issuer.trim() || data.issuer.length > 80) throw new RangeError('issuer must have 1 to 80 characters');
}

export function assertValidity(validity: CertificateValidity): void {
  const { issuedAt, expiresAt } = validity;
  if (Number.isNaN(issuedAt.getTime()) || Number.isNaN(expiresAt.getTime())) throw new RangeError('issuedAt and expiresAt must be real dates');
  if (expiresAt.getTime() <= issuedAt.getTime()) throw new RangeError('expiresAt must come after issuedAt');
}
