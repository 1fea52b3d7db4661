import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { GeographyImport, PincodeImport } from './schema.js';

const referenceDir = new URL('../../../db/reference/', import.meta.url);

/**
 * Co-WIN's 37 states/UTs and 756 districts as its API listed them in May 2021, and India Post PIN
 * codes matched to those districts (GODL-India; attribution in db/reference/PROVENANCE.md).
 */
export async function readReferenceGeography(): Promise<{ geography: GeographyImport; pincodes: PincodeImport }> {
  const [geography, pincodes] = await Promise.all([
    fs.readFile(fileURLToPath(new URL('cowin-geography.json', referenceDir)), 'utf8'),
    fs.readFile(fileURLToPath(new URL('cowin-pincodes.json', referenceDir)), 'utf8'),
  ]);
  return { geography: JSON.parse(geography) as GeographyImport, pincodes: JSON.parse(pincodes) as PincodeImport };
}
