import { transliterateForMrz } from '../icao-transliteration.js';
import { isValidUvci } from '../uvci.js';
import { assertCertificateData, type CertificateVaccine, type VaccinationCertificateData } from '../vaccination-certificate-data.js';
import { checkDccSchema } from './schema.js';
import { covid19Target, euVaccineCodes } from './value-sets.js';

/** The EU DCC payload (schema 1.3.x) as verifiers receive it; `v`, `t` or `r` holds one entry. */
export interface EuDccPayload {
  ver: string;
  nam: { fn?: string; fnt?: string; gn?: string; gnt?: string };
  dob: string;
  v?: DccVaccinationEntry[];
  t?: Record<string, unknown>[];
  r?: Record<string, unknown>[];
}

export interface DccVaccinationEntry {
  tg: string;
  vp: string;
  mp: string;
  ma: string;
  dn: number;
  sd: number;
  dt: string;
  co: string;
  is: string;
  ci: string;
}

/**
 * We write 1.3.0 and validate against 1.3.3: 1.3.1-1.3.3 only made `fnt` optional when `gnt` is present,
 * and we always send `fnt` (see below), so a verifier still on 1.3.0 accepts our payloads too.
 */
export const dccSchemaVersion = '1.3.0';

export class DccPayloadError extends Error {}

function nameFields(name: string, field: 'fn' | 'gn'): EuDccPayload['nam'] {
  const trimmed = name.trim();
  if (!trimmed) return {};
  const mrz = transliterateForMrz(trimmed);
  if (!mrz) throw new DccPayloadError(`the ${field === 'fn' ? 'family' : 'given'} name has no Latin reading; ask for a Latin spelling`);
  return field === 'fn' ? { fn: trimmed, fnt: mrz } : { gn: trimmed, gnt: mrz };
}

/**
 * Many Indians have a single name. ICAO 9303 Part 3 puts a single name in the primary identifier
 * (surname) field, so it goes in fn/fnt, and a verifier on schema 1.3.0, where fnt is required, accepts it.
 */
function personName(data: VaccinationCertificateData): EuDccPayload['nam'] {
  const family = data.familyName.trim() ? data.familyName : data.givenName;
  const given = data.familyName.trim() ? data.givenName : '';
  return { ...nameFields(family, 'fn'), ...nameFields(given, 'gn') };
}

/**
 * The payload for one dose. Throws DccPayloadError rather than produce something a verifier would
 * reject; the schema check is the last guard, so a mapping bug fails here, in our tests, not at a border.
 */
export function buildDccPayload(data: VaccinationCertificateData): EuDccPayload & { v: [DccVaccinationEntry] } {
  assertCertificateData(data);
  if (!isValidUvci(data.uvci)) throw new DccPayloadError('uvci is not a valid Teeka UVCI');
  const codes = data.codes ?? euVaccineCodes[data.vaccine as CertificateVaccine];
  const payload = {
    ver: dccSchemaVersion,
    nam: personName(data),
    dob: data.dateOfBirth,
    v: [
      {
        tg: covid19Target,
        vp: codes.vp,
        mp: codes.mp,
        ma: codes.ma,
        dn: data.doseNumber,
        sd: data.totalDoses,
        dt: data.date,
        co: data.country,
        is: data.issuer,
        ci: data.uvci,
      },
    ] as [DccVaccinationEntry],
  };
  const check = checkDccSchema(payload);
  if (!check.valid) throw new DccPayloadError(`payload fails the EU DCC schema: ${check.errors.join('; ')}`);
  return payload;
}
