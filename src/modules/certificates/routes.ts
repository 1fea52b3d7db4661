import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CompactSign, exportJWK } from 'jose';
import type { Services } from '../../services.js';
import { revocationIdOf } from './download.js';
import { jwksFor, shcKidOf } from './formats/smart-health-card/jwks.js';
import * as store from './store.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const VerifyView = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  certificate: Type.Optional(Type.Object({
    name: Type.String(), age: Type.Integer(), vaccine: Type.String(), dose: Type.String(), date: Type.String(),
    status: Type.Union([Type.Literal('valid'), Type.Literal('revoked')]),
  })),
});
const SignedListView = Type.Object({ jws: Type.String({ description: 'compact JWS (ES256), payload is the JSON list' }) });

/**
 * Public verification: `POST /api/verify` for online checks, and the signed trust list and
 * revocation list a verifier downloads to check certificates offline. Revoked certificates are
 * listed by the SHA-256 of their UVCI, so the list itself identifies nobody.
 */
export const verificationRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { certificateSigner: signer, certificateVerifier: verifier, clock, db } = services;

  const signed = async (payload: object) => {
    const key = signer.current();
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .sign(key.privateKey);
    return { jws };
  };

  app.post('/verify', {
    schema: {
      tags: ['Verification'], summary: 'Check a certificate QR (HC1:...): signature, dates, schema and revocation',
      body: Type.Object({ qr: Type.String({ minLength: 1, maxLength: 8000 }) }, { additionalProperties: false }),
      response: { 200: VerifyView, 400: ErrorView },
    },
    config: { access: 'public' },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return verifier.verify(request.body.qr);
  });

  app.get('/verify/trust-list', {
    schema: { tags: ['Verification'], summary: 'Teeka\'s certificate signing keys (signed), for offline verifiers', response: { 200: SignedListView } },
    config: { access: 'public' },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return signed({
      issuer: 'IN',
      issued_at: clock.now().toISOString(),
      keys: await Promise.all(signer.publicKeys().map(async (k) => ({ kid: k.kid, alg: 'ES256', jwk: await exportJWK(k.publicKey) }))),
    });
  });

  app.get('/verify/revocations', {
    schema: { tags: ['Verification'], summary: 'Revoked certificates as SHA-256 of their UVCI (signed)', response: { 200: SignedListView } },
    config: { access: 'public' },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    const revoked = await store.selectRevokedUvcis(db);
    return signed({
      issuer: 'IN',
      issued_at: clock.now().toISOString(),
      revoked_uvci_sha256: revoked.map((r) => createHash('sha256').update(r.uvci).digest('hex')),
    });
  });
};

/**
 * SMART Health Card discovery (spec "Determining keys associated with an issuer" and "Revocation"):
 * the issuer's public keys, and per key a list of revoked cards by their `rid`.
 */
export const wellKnownRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { certificateSigner: signer, db } = services;
  const published = async () => Promise.all(signer.publicKeys().map(async (k) => ({ kid: await shcKidOf(k.publicKey), key: k.publicKey, crlVersion: 1 })));

  app.get('/.well-known/jwks.json', {
    schema: { tags: ['Verification'], summary: 'SMART Health Card issuer keys (JWKS)' },
    config: { access: 'public' },
  }, async (_request, reply) => {
    // Verifiers fetch this from other origins.
    reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');
    return jwksFor(await published());
  });

  app.get('/.well-known/crl/:file', {
    schema: {
      tags: ['Verification'], summary: 'Revoked SMART Health Cards of one key, by rid',
      params: Type.Object({
        file: Type.String({ maxLength: 105, pattern: '^[A-Za-z0-9_-]{10,100}\\.json$', description: 'a key id from jwks.json, then .json' }),
      }, { additionalProperties: false }),
    },
    config: { access: 'public' },
  }, async (request, reply) => {
    const kid = request.params.file.replace(/\.json$/, '');
    if (!(await published()).some((k) => k.kid === kid)) return reply.code(404).send({ errorCode: 'NOT_FOUND', error: 'No such key.' });
    const revoked = await store.selectRevokedUvcis(db);
    reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60');
    return { kid, method: 'rid', ctr: revoked.length, rids: revoked.map((r) => revocationIdOf(r.uvci)) };
  });
};
