import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The EU DCC JSON schema 1.3.3 (eu-dcc-schema, Apache-2.0; DCC.combined-schema.json copied unchanged
 * beside this file). It declares `$schema` draft 2020-12, hence Ajv2020. We check our own payloads
 * before signing, so a bug can never put an invalid certificate in a citizen's hands, and every payload
 * we verify, because a valid signature does not make a well-formed certificate (vector DGC1).
 *
 * The value-set fields (tg, vp, mp, ma, co) are plain strings in the schema, as its FAQ explains: value
 * sets change without a schema release, so membership is a business rule, not a schema rule.
 */
const schema = JSON.parse(fs.readFileSync(new URL('./DCC.combined-schema.json', import.meta.url), 'utf8')) as object;

const ajv = new Ajv2020({ allErrors: true });
// Annotation the schema uses to name each value set's file; it constrains nothing.
ajv.addKeyword('valueset-uri');
// ajv-formats is CommonJS; under NodeNext its plugin is the `default` property of the module object.
addFormats.default(ajv, ['date', 'date-time']);
const validate = ajv.compile(schema);

export type SchemaCheck = { valid: true } | { valid: false; errors: string[] };

export function checkDccSchema(payload: unknown): SchemaCheck {
  if (validate(payload)) return { valid: true };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  return { valid: false, errors };
}
