import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoBody } from '../../core/no-body.js';
import type { Services } from '../../services.js';
import { staffOf } from '../staff/request-staff.js';
import { AlertList, AlertParams, AlertQuery, ReinstateBody, SuspensionList, SuspensionParams } from './schema.js';
import type { ActorLabel, AlertWithActor, SuspensionWithActor } from './service.js';

const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });
const errors = { 400: ErrorView, 401: ErrorView, 403: ErrorView, 404: ErrorView };
/** Auditors watch; the national administrator answers for every credential. Both act nation-wide. */
const consoleRoles = ['auditor', 'national_admin'] as const;

function actorView(kind: AlertWithActor['actorKind'], id: string, label: ActorLabel | undefined) {
  if (label?.name !== undefined) return { kind, id, name: label.name };
  return { kind, id, ...(label ? { username: label.username, role: label.role } : {}) };
}

const alertView = (a: AlertWithActor) => ({
  id: a.id, rule: a.rule, severity: a.severity, actor: actorView(a.actorKind, a.actorId, a.actorLabel), evidence: a.evidence,
  occurrences: a.occurrences, raised_at: a.raisedAt.toISOString(), last_seen_at: a.lastSeenAt.toISOString(), status: a.status,
  ...(a.acknowledgedAt ? { acknowledged_at: a.acknowledgedAt.toISOString() } : {}), actor_suspended: a.actorSuspended,
});

const suspensionView = (s: SuspensionWithActor) => ({
  id: s.id, actor: actorView(s.actorKind, s.actorId, s.actorLabel), suspended_at: s.suspendedAt.toISOString(), alert: s.alert,
});

/**
 * The security console's API (decision 0015): alerts the detection rules raised, the credentials
 * they suspended, and reinstatement with a reason that goes into the audit log.
 */
export const securityRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { security } = services;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/alerts', {
    schema: { tags: ['Staff: security'], summary: 'Alerts, newest first: open ones (the default) or all', querystring: AlertQuery, response: { 200: AlertList, ...errors } },
    config: { access: 'staff', staffRoles: consoleRoles },
  }, async (request) => {
    const { alerts, openCount } = await security.listAlerts(request.query.status ?? 'open');
    return { alerts: alerts.map(alertView), open_count: openCount };
  });

  app.post('/alerts/:id/acknowledge', {
    schema: { tags: ['Staff: security'], summary: 'Mark an open alert as seen; a suspension it caused stays until reinstated', params: AlertParams, body: NoBody, response: { 204: Type.Null(), ...errors } },
    config: { access: 'staff', staffRoles: consoleRoles },
  }, async (request, reply) => {
    await security.acknowledge(staffOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/suspensions', {
    schema: { tags: ['Staff: security'], summary: 'Credentials suspended now, with the alert that suspended each', response: { 200: SuspensionList, ...errors } },
    config: { access: 'staff', staffRoles: consoleRoles },
  }, async () => ({ suspensions: (await security.listSuspensions()).map(suspensionView) }));

  app.post('/suspensions/:id/reinstate', {
    schema: {
      tags: ['Staff: security'], summary: 'Let a suspended credential act again, saying why (kept in the audit log)',
      params: SuspensionParams, body: ReinstateBody, response: { 204: Type.Null(), ...errors },
    },
    config: { access: 'staff', staffRoles: consoleRoles },
  }, async (request, reply) => {
    await security.reinstate(staffOf(request), request.params.id, request.body.reason);
    return reply.code(204).send(null);
  });
};
