import type { Citizen } from '../../api/citizen.js';
import { notFound } from '../../core/errors.js';
import type { Services } from '../../services.js';
import type { HistoryEvent } from '../access/history.js';
import type { AccessHistoryEntry, AccessHistoryQuery, AccessHistoryResponse, ExportedAccessEntry } from '../access/history-schema.js';

/** Whose data an entry is about: the account (its mobile number) or one member, by reference ID. */
interface Group {
  about: string;
  subject: string;
}

const DEFAULT_LIMIT = 50;

async function groupsOf(services: Pick<Services, 'beneficiaries'>, citizen: Citizen): Promise<Group[]> {
  const members = await services.beneficiaries.listMembers(citizen.accountId);
  return [...members.map((m) => ({ about: m.referenceId, subject: m.id })), { about: 'account', subject: citizen.accountId }];
}

function entryOf({ subject: _subject, ...entry }: HistoryEvent): AccessHistoryEntry {
  return entry;
}

/**
 * "Who accessed my data" for the signed-in citizen (decision 0016): every read or change of their
 * account or members by anyone else, newest first, grouped by member. Their own acts are left out;
 * refusals stay in, since someone tried. A member of another account is "not found", like one that
 * does not exist.
 */
export async function accessHistoryOf(
  services: Pick<Services, 'beneficiaries' | 'accessHistory'>,
  citizen: Citizen,
  query: AccessHistoryQuery,
): Promise<AccessHistoryResponse> {
  const all = await groupsOf(services, citizen);
  const groups = query.member === undefined ? all : all.filter((g) => g.about === query.member);
  if (groups.length === 0) throw notFound('family member');
  const page = await services.accessHistory.page(groups.map((g) => g.subject), {
    viewer: citizen.accountId, before: query.before, limit: query.limit ?? DEFAULT_LIMIT,
  });
  return {
    groups: groups.map((g) => ({ about: g.about, entries: page.events.filter((e) => e.subject === g.subject).map(entryOf) })),
    next_before: page.nextBefore,
  };
}

/** Far more than a family's history holds in years; the page pages past it. */
const EXPORTED_EVENTS = 1000;

/**
 * The newest events about the account and its members, told as the page tells them, for the
 * download. It keeps the citizen's own acts too, as "you": the download is the account's whole log.
 */
export async function exportedAccessHistory(services: Pick<Services, 'beneficiaries' | 'accessHistory'>, citizen: Citizen): Promise<ExportedAccessEntry[]> {
  const groups = await groupsOf(services, citizen);
  const aboutBySubject = new Map(groups.map((g) => [g.subject, g.about]));
  const page = await services.accessHistory.page(groups.map((g) => g.subject), { viewer: citizen.accountId, includeViewer: true, limit: EXPORTED_EVENTS });
  return page.events.map((event) => ({ ...entryOf(event), about: aboutBySubject.get(event.subject) ?? 'account' }));
}
