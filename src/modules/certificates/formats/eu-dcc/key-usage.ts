import type { X509Certificate } from 'node:crypto';
import type { EuDccPayload } from './payload.js';

/**
 * HCERT spec v1.0.5 §5.1.1: a Document Signer Certificate may limit which kinds of certificate it
 * signs with extended key usage OIDs. With none of them it may sign every kind (vector CO15); with
 * some, the payload's kind must be among them (CO6-CO11 refused, CO12-CO14 accepted).
 *
 * This applies to DSCs from a trust list such as the EU gateway's; Teeka's own keys are bare public
 * keys with no extensions, so verifyHc1 does not call it. The official test certificates carry the
 * OIDs with an extra ".0" arc (1.3.6.1.4.1.0.1847...), a slip in an early draft of the spec that
 * some member states shipped; verifiers accept both spellings, and so do we.
 */
const kindOids = {
  t: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  v: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  r: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
} as const;

const hcertOids = new Set<string>(Object.values(kindOids).flat());

export function isAllowedByKeyUsage(certificate: X509Certificate, payload: EuDccPayload): boolean {
  // Node 20 names the extended key usage list `keyUsage` (renamed `extKeyUsage` in Node 23); undefined when absent.
  const withUsage = certificate as X509Certificate & { extKeyUsage?: string[] };
  const usages = (withUsage.extKeyUsage ?? certificate.keyUsage ?? []).filter((oid) => hcertOids.has(oid));
  if (usages.length === 0) return true;
  const kinds = (['t', 'v', 'r'] as const).filter((kind) => payload[kind] !== undefined);
  return kinds.length > 0 && kinds.every((kind) => kindOids[kind].some((oid) => usages.includes(oid)));
}
