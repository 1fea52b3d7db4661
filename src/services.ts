import type { Clock } from './core/clock.js';
import type { Db } from './core/db.js';
import { AvailabilityService } from './modules/appointments/availability.js';
import { DemoDataService } from './modules/demo/service.js';
import { FacilityService } from './modules/facilities/service.js';
import { GeographyService } from './modules/geography/service.js';

/** Every module's service, wired once; routes and the CLI reach modules only through these. */
export interface Services {
  geography: GeographyService;
  facilities: FacilityService;
  availability: AvailabilityService;
  demo: DemoDataService;
}

export function createServices(db: Db, clock: Clock): Services {
  const geography = new GeographyService(db);
  const facilities = new FacilityService(db);
  const availability = new AvailabilityService(db, facilities);
  const demo = new DemoDataService({ db, clock, geography, facilities, availability });
  return { geography, facilities, availability, demo };
}
