import type { ComponentType } from 'react';
import { lazyPage } from '../layout/lazy-page.js';
import type { StaffMessages } from './staff-en.js';
import type { StaffRole } from './staff-types.js';

/** The keys of the `staff` namespace that can name a section: those holding `nav` and `summary`. */
type SectionTexts = { [K in keyof StaffMessages]: StaffMessages[K] extends { nav: string; summary: string } ? K : never }[keyof StaffMessages];

/**
 * The console's sections, in menu order. Each is a folder `web/src/staff/<section>/` whose page
 * loads only when first opened; `texts` names the section's key in the `staff` namespace, which
 * must hold `nav` (the menu label) and `summary` (one sentence for the home page). The roles are
 * the ones the server's routes allow: the menu is a convenience, the server is the authority.
 */
export interface StaffSection {
  /** The path under /staff/; the section owns everything below it (`<path>/*`). */
  path: string;
  texts: SectionTexts;
  roles: readonly StaffRole[];
  Page: ComponentType;
}

export const staffSections: readonly StaffSection[] = [
  {
    path: 'day',
    texts: 'day',
    roles: ['vaccinator', 'facility_admin'],
    Page: lazyPage(() => import('./centre/day-section.js'), 'DaySection'),
  },
  {
    path: 'walk-in',
    texts: 'walkIn',
    // walk-in-routes.ts: centre staff only (decision 0010).
    roles: ['vaccinator', 'facility_admin'],
    Page: lazyPage(() => import('./walk-in/walk-in-page.js'), 'WalkInPage'),
  },
  {
    path: 'aefi',
    texts: 'aefi',
    // aefi-routes.ts: centre staff report and list their centre's cases; overseers list districts in their area.
    roles: ['vaccinator', 'facility_admin', 'district_admin', 'state_admin', 'national_admin'],
    Page: lazyPage(() => import('./aefi/aefi-section.js'), 'AefiSection'),
  },
  {
    path: 'stock',
    texts: 'stock',
    roles: ['vaccinator', 'facility_admin', 'district_admin', 'state_admin', 'national_admin'],
    Page: lazyPage(() => import('./stock/stock-page.js'), 'StockPage'),
  },
  {
    path: 'audit',
    texts: 'audit',
    roles: ['auditor'],
    Page: lazyPage(() => import('./audit/chain-page.js'), 'ChainPage'),
  },
  {
    path: 'security',
    texts: 'security',
    // src/modules/security/routes.ts: auditors and the national administrator (decision 0015).
    roles: ['auditor', 'national_admin'],
    Page: lazyPage(() => import('./security/security-page.js'), 'SecurityPage'),
  },
  {
    path: 'corrections',
    texts: 'corrections',
    // correction-review-jurisdiction.ts reviewRoles: centre staff and auditors never review (decision 0011).
    roles: ['district_admin', 'state_admin', 'national_admin'],
    Page: lazyPage(() => import('./corrections/corrections-section.js'), 'CorrectionsSection'),
  },
  {
    path: 'planning',
    texts: 'planning',
    // src/modules/planning/routes.ts: a centre administrator edits their own centre and its sessions.
    roles: ['national_admin', 'state_admin', 'district_admin', 'facility_admin'],
    Page: lazyPage(() => import('./planning/planning-section.js'), 'PlanningSection'),
  },
  {
    path: 'partners',
    texts: 'partners',
    // src/modules/partners/routes: only the national administrator registers and manages partners.
    roles: ['national_admin'],
    Page: lazyPage(() => import('./partners/partners-section.js'), 'PartnersSection'),
  },
];

export function sectionsFor(role: string): StaffSection[] {
  return staffSections.filter((section) => (section.roles as readonly string[]).includes(role));
}
