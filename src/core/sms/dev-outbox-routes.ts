import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type {} from '../access-level.js';
import { DevOutbox } from './dev-outbox.js';
import type { SmsGateway } from './gateway.js';

const OutboxEntryView = Type.Object({
  to: Type.String(),
  text: Type.String(),
  at: Type.String({ format: 'date-time' }),
}, { additionalProperties: false });

/**
 * `GET /__dev/outbox`: the messages the development outbox "sent", newest first, so a developer or
 * a browser test can read an OTP without a phone. The route exists only when the gateway is a
 * DevOutbox, which `createSmsGateway` never builds in production; registering this plugin with
 * the HTTP gateway adds nothing, so the app may register it unconditionally.
 */
export const devOutboxRoutes: FastifyPluginAsyncTypebox<{ gateway: SmsGateway }> = async (app, { gateway }) => {
  if (!(gateway instanceof DevOutbox)) return;
  app.get('/__dev/outbox', {
    schema: { tags: ['Development'], response: { 200: Type.Array(OutboxEntryView) } },
    config: { access: 'public' },
  }, async (_request, reply) => reply.header('cache-control', 'no-store').send(gateway.list()));
};
