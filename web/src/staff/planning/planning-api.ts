import type { Static } from '@sinclair/typebox';
import type {
  CentreBody, CentreChanges, CentreSaved, CentreView, Imported, ImportReport, RowProblem, SessionBody, SessionChanges, SessionView, VaccineChanges,
  VaccineUpdated, VaccineView,
} from '../../../../src/modules/planning/schema.js';
import { staffDelete, staffFailureOf, staffGet, staffPatch, staffPost, staffPostText } from '../staff-api.js';

/**
 * The administrators' planning calls (src/modules/planning/routes.ts, decision 0012), typed by the
 * server's own schema. Centres and districts outside the signed-in person's area answer 404,
 * exactly like ones that do not exist.
 */
export type { CentreBody, CentreChanges, CentreView, RowProblem, SessionBody, SessionChanges, SessionView, VaccineChanges, VaccineView };
export type SavedCentre = Static<typeof CentreSaved>;
export type Notice = SavedCentre['notices'][number];
export type ImportDone = Static<typeof Imported>;
export type UpdatedVaccine = Static<typeof VaccineUpdated>;

const base = '/api/staff/planning';
const centrePath = (centreId: number) => `${base}/centres/${encodeURIComponent(centreId)}`;

export async function fetchVaccines(signal?: AbortSignal): Promise<VaccineView[]> {
  return (await staffGet<{ vaccines: VaccineView[] }>(`${base}/vaccines`, signal)).vaccines;
}

export function updateVaccine(name: string, changes: VaccineChanges): Promise<UpdatedVaccine> {
  return staffPatch(`${base}/vaccines/${encodeURIComponent(name)}`, changes);
}

export async function fetchCentres(districtId: number, signal?: AbortSignal): Promise<CentreView[]> {
  return (await staffGet<{ centres: CentreView[] }>(`${base}/centres?district_id=${encodeURIComponent(districtId)}`, signal)).centres;
}

export function fetchCentre(centreId: number, signal?: AbortSignal): Promise<CentreView> {
  return staffGet(centrePath(centreId), signal);
}

export function createCentre(centre: CentreBody): Promise<SavedCentre> {
  return staffPost(`${base}/centres`, centre);
}

export function updateCentre(centreId: number, changes: CentreChanges): Promise<SavedCentre> {
  return staffPatch(centrePath(centreId), changes);
}

/** From today to 60 days ahead, by the server's calendar. */
export async function fetchSessions(centreId: number, signal?: AbortSignal): Promise<SessionView[]> {
  return (await staffGet<{ sessions: SessionView[] }>(`${centrePath(centreId)}/sessions`, signal)).sessions;
}

export function createSession(centreId: number, session: SessionBody): Promise<SessionView> {
  return staffPost(`${centrePath(centreId)}/sessions`, session);
}

export function updateSession(sessionId: string, changes: SessionChanges): Promise<SessionView> {
  return staffPatch(`${base}/sessions/${encodeURIComponent(sessionId)}`, changes);
}

export function deleteSession(sessionId: string): Promise<void> {
  return staffDelete(`${base}/sessions/${encodeURIComponent(sessionId)}`);
}

export type UploadKind = 'centres' | 'sessions';
export type UploadResult = { ok: true; done: ImportDone } | { ok: false; report: Static<typeof ImportReport> };

function isImportReport(body: unknown): body is Static<typeof ImportReport> {
  return typeof body === 'object' && body !== null && Array.isArray((body as { problems?: unknown }).problems);
}

/**
 * A CSV upload: all rows imported, or (422) the per-row report with nothing imported. Any other
 * refusal (a file too large, a wrong role) is thrown as usual.
 */
export async function uploadCsv(kind: UploadKind, csv: string): Promise<UploadResult> {
  try {
    return { ok: true, done: await staffPostText<ImportDone>(`${base}/${kind}/import`, csv, 'text/csv') };
  } catch (error) {
    const failure = staffFailureOf(error);
    if (failure.kind === 'rejected' && failure.status === 422 && isImportReport(failure.body)) return { ok: false, report: failure.body };
    throw error;
  }
}
