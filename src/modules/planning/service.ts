import { CentrePlanning } from './centres.js';
import { PlanningImports } from './imports.js';
import type { PlanningDeps } from './places.js';
import { SessionPlanning } from './sessions.js';

/**
 * Administrators' planning (decision 0012): centres, their sessions and CSV uploads of both, each
 * write in one transaction with an audit event, every record checked against the caller's scope.
 * The vaccine catalogue is its own service (`VaccineCatalogue`), since booking reads it too.
 */
export class PlanningService {
  readonly centres: CentrePlanning;
  readonly sessions: SessionPlanning;
  readonly imports: PlanningImports;

  constructor(deps: PlanningDeps) {
    this.centres = new CentrePlanning(deps);
    this.sessions = new SessionPlanning(deps);
    this.imports = new PlanningImports({ ...deps, centres: this.centres, sessions: this.sessions });
  }
}
