import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Services } from '../../services.js';
import { consentCitizenRoutes } from './citizen-routes.js';
import { partnerOAuthRoutes } from './oauth-routes.js';
import { partnerApiRoutes } from './partner-routes.js';
import { partnerStaffRoutes } from './staff-routes.js';

/** Every partner-module route (decision 0017), each surface under its own prefix. */
export const partnerRoutes: FastifyPluginAsync<{ services: Services; config: Config }> = async (app, { services, config }) => {
  const publicUrl = config.publicUrl;
  await app.register(partnerStaffRoutes, { prefix: '/api/staff', services, publicUrl });
  await app.register(partnerOAuthRoutes, { prefix: '/api/partner/oauth', services, publicUrl });
  await app.register(partnerApiRoutes, { prefix: '/api/partner/v1', services, publicUrl });
  await app.register(consentCitizenRoutes, { prefix: '/api/citizen', services });
};
