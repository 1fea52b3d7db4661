import type { FastifyInstance, FastifyRequest } from 'fastify';
import { staffRoles, type StaffRole } from '../access/schema.js';
import { passwordChangeRequired, roleForbidden, sessionEnded } from './errors.js';
import type { StaffActor, StaffService } from './service.js';

export type { StaffActor } from './service.js';

/** The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure in production (decision 0007). */
export const STAFF_SESSION_COOKIE = 'teeka_staff';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on routes declared `access: 'staff'`. */
    staff?: StaffActor;
  }
  interface FastifyContextConfig {
    /** Which roles may call an `access: 'staff'` route; such a route without it fails at start-up. */
    staffRoles?: readonly StaffRole[];
    /** Callable while the one-time password is still unchanged: the change itself, sign-out, who am I. */
    staffBeforePasswordChange?: boolean;
  }
}

/** The signed-in staff member of a `staff` route; the hook has already answered 401 or 403 otherwise. */
export function staffOf(request: FastifyRequest): StaffActor {
  if (!request.staff) throw sessionEnded();
  return request.staff;
}

/**
 * The api scope's check for `access: 'staff'` routes: a live session from the cookie (401), a role
 * the route names (403, recorded), and no pending one-time password (403).
 */
export async function authenticateStaff(request: FastifyRequest, staff: StaffService): Promise<void> {
  const config = request.routeOptions.config;
  const principal = await staff.authenticate(request.cookies[STAFF_SESSION_COOKIE], request.ip);
  if (!config.staffRoles?.includes(principal.actor.role)) {
    await staff.recordDenied(principal.actor, `${request.method} ${request.routeOptions.url ?? ''}`);
    throw roleForbidden();
  }
  if (principal.mustChangePassword && !config.staffBeforePasswordChange) throw passwordChangeRequired();
  request.staff = principal.actor;
}

/** Makes an `access: 'staff'` route without a list of known roles a start-up error, as for `access` itself. */
export function requireStaffRoleDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access !== 'staff') return;
    const roles = route.config.staffRoles;
    if (!roles || roles.length === 0 || roles.some((role) => !staffRoles.includes(role))) {
      throw new Error(`Route ${route.method} ${route.url} must declare config.staffRoles (some of ${staffRoles.join(', ')})`);
    }
  });
}

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Staff requests that change something need the CSRF token: any `staff` route, and everything under /api/staff (sign-in too). */
export function needsStaffCsrfToken(request: FastifyRequest): boolean {
  return staffCsrfApplies(request.method, request.routeOptions.config.access, request.routeOptions.url ?? '');
}

/** The rule behind `needsStaffCsrfToken`, for a route rather than a request (the API document states it too). */
export function staffCsrfApplies(method: string, access: string | undefined, url: string): boolean {
  return stateChangingMethods.has(method) && (access === 'staff' || url.startsWith('/api/staff/'));
}
