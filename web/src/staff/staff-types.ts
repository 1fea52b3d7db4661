import type { Static } from '@sinclair/typebox';
import type { ChainView, LoginStepView, ProfileView, SignedInView } from '../../../src/modules/staff/schema.js';

/** The staff API's shapes, from the server's own schema (src/modules/staff/schema.ts). */
export type StaffProfile = Static<typeof ProfileView>;
export type LoginStep = Static<typeof LoginStepView>;
export type SignedIn = Static<typeof SignedInView>;
export type ChainCheck = Static<typeof ChainView>;
export type { StaffRole } from '../../../src/modules/access/schema.js';
