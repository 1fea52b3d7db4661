import { randomInt } from 'node:crypto';

/**
 * Co-WIN's `beneficiary_reference_id`: 14 digits, sent as a string, e.g. "41371803146720".
 * Drawn from the CSPRNG, never counted or derived from the mobile (DIVOC built enrolment codes
 * from the mobile plus a counter, so anyone could walk them). The id is printed on slips and
 * certificates and is a handle, not a secret: nothing is granted for knowing it (DESIGN.md §1.1).
 * With 9 × 10^13 values a clash is rare but possible; the unique key in the database decides, and
 * the caller draws again.
 */
const SMALLEST = 10_000_000_000_000; // 10^13: the first digit is never 0, so the id stays 14 digits as a number too
const BEYOND_LARGEST = 100_000_000_000_000; // 10^14

export function newBeneficiaryReferenceId(): string {
  // randomInt is uniform over [min, max) when max - min < 2^48; 9 × 10^13 is below 2.8 × 10^14.
  return String(randomInt(SMALLEST, BEYOND_LARGEST));
}

export function isBeneficiaryReferenceId(s: unknown): s is string {
  return typeof s === 'string' && /^[1-9][0-9]{13}$/.test(s);
}
