import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../services.js';
import { staffOf } from '../staff/request-staff.js';
import { WalkInBody, WalkInCodeBody, WalkInCodeView, WalkInSessionsView, WalkInView } from './walk-in-schema.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView, 429: ErrorView, 503: ErrorView };
const centreRoles = ['vaccinator', 'facility_admin'] as const;

/**
 * Walk-in registration at the centre (decision 0010). The only staff routes that take a mobile, a
 * name or an ID number: to register a new person, authorised by the code texted to their own
 * mobile. Nothing here answers with anyone's data, so none of them can look anybody up.
 */
export const walkInRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/sessions', {
    schema: { tags: ['Staff: centre'], summary: 'Today\'s sessions at my centre, with walk-in places left', response: { 200: WalkInSessionsView, ...errors } },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request) => ({
    sessions: (await services.walkIns.sessionsToday(staffOf(request))).map((s) => ({
      session_id: s.id, vaccine: s.vaccine, min_age_limit: s.minAgeLimit, max_age_limit: s.maxAgeLimit, slots: s.slots,
      walk_in_capacity: s.walkInCapacity, walk_ins_left: s.walkInsLeft,
    })),
  }));

  app.post('/otp', {
    schema: {
      tags: ['Staff: centre'], summary: 'Walk-in, step 1: text a code to the person\'s own mobile (same answer for any number)',
      body: WalkInCodeBody, response: { 202: WalkInCodeView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    const { token } = await services.walkIns.sendCode(staffOf(request), request.body.mobile);
    return reply.code(202).send({ walk_in_token: token });
  });

  app.post('/', {
    schema: {
      tags: ['Staff: centre'],
      summary: 'Walk-in, step 2: register the person with the code they read out, book today\'s dose 1 and open the encounter',
      body: WalkInBody, response: { 201: WalkInView, ...errors },
    },
    config: { access: 'staff', staffRoles: [...centreRoles] },
  }, async (request, reply) => {
    const { walk_in_token: token, otp, session_id: sessionId, ...person } = request.body;
    const registered = await services.walkIns.register(staffOf(request), { token, otp, sessionId, person });
    return reply.code(201).send({ appointment_id: registered.appointmentId, slot: registered.slot, dose: registered.dose, vaccine: registered.vaccine });
  });
};
