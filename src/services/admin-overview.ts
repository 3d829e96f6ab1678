import { randomUUID } from 'node:crypto';
import { createAdminOverviewRepository, type MemberListFilter, type MemberListRow } from '../db/repositories/admin-overview';
import type { MemberRow } from '../db/schema';
import { networkMonthStart, networkToday, startOfNetworkDay } from './calendar';
import type { ServiceDeps } from './deps';
import { requireOrganizer } from './event-lists';

export type { MemberListFilter, MemberListRow };

type Status = MemberRow['status'];
type MemberType = MemberRow['memberType'];

/** Where a search that named no known topic is counted: its words are never stored. */
export const UNKNOWN_TOPIC = 'other';

/** Filter words organizers may type, in either language (compared after NFKC and lower-casing). */
const STATUS_WORDS: Record<string, Status> = {
  pending: 'pending',
  承認待ち: 'pending',
  active: 'active',
  有効: 'active',
  declined: 'declined',
  不承認: 'declined',
  erased: 'erased',
  削除済み: 'erased',
};
const TYPE_WORDS: Record<string, MemberType> = {
  alumni: 'alumni',
  obog: 'alumni',
  'ob・og': 'alumni',
  'ob/og': 'alumni',
  卒業生: 'alumni',
  staff: 'staff',
  現役: 'staff',
  現役職員: 'staff',
  returnee: 'returnee',
  returnees: 'returnee',
  出戻り: 'returnee',
  復帰者: 'returnee',
};
const UNLINKED_WORDS = new Set(['unlinked', 'not-linked', '未連携']);
const NO_CONSENT_WORDS = new Set(['no-consent', 'noconsent', '同意なし', '非公開']);

/** Turns what follows `/alumni-admin members` into a filter; any other word is text to look for. */
export function parseMemberFilter(text: string): MemberListFilter {
  const filter: MemberListFilter = { statuses: [], types: [], unlinked: false, noConsent: false, words: [] };
  for (const typed of text.trim().split(/\s+/).filter(Boolean)) {
    const word = typed.normalize('NFKC').toLowerCase();
    const status = STATUS_WORDS[word];
    const type = TYPE_WORDS[word];
    if (status) filter.statuses.push(status);
    else if (type) filter.types.push(type);
    else if (UNLINKED_WORDS.has(word)) filter.unlinked = true;
    else if (NO_CONSENT_WORDS.has(word)) filter.noConsent = true;
    else filter.words.push(typed);
  }
  return filter;
}

/** Whether any filter word was given (an empty filter lists everyone but the erased). */
export function isFiltered(filter: MemberListFilter): boolean {
  return filter.statuses.length + filter.types.length + filter.words.length > 0 || filter.unlinked || filter.noConsent;
}

/** The organizers' member list for `text` (the filter words), by name. Organizers only. */
export async function listMembersForOrganizers(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; text: string },
): Promise<{ filter: MemberListFilter; members: MemberListRow[] }> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const filter = parseMemberFilter(input.text);
  const members = await createAdminOverviewRepository({ db: deps.db }).listMembers(filter, networkMonthStart(deps.clock()));
  return { filter, members };
}

export interface IntroductionFigures {
  made: number;
  accepted: number;
  declined: number;
  expired: number;
  /** Median from request to answer (accepted or declined); null when none was answered. */
  medianAnswerSeconds: number | null;
}

export interface EventFigures {
  events: number;
  /** "Going" answers with a place, at events held. */
  attendees: number;
}

export interface NetworkStats {
  /** When "this month" began (midnight on the 1st, Japan time). */
  monthStart: Date;
  members: { byStatus: Record<Status, number>; byType: Record<MemberType, number>; newThisMonth: number };
  introductions: { thisMonth: IntroductionFigures; allTime: IntroductionFigures };
  events: { thisMonth: EventFigures; allTime: EventFigures };
  unanswered: {
    searchesThisMonth: number;
    searchesAllTime: number;
    /** Topic keys (or "other"), most often unanswered first. */
    topics: { topicKey: string; thisMonth: number; allTime: number }[];
  };
}

/** The network's figures for organizers; "this month" is the network's (Japan time). Organizers only. */
export async function networkStats(deps: ServiceDeps, input: { organizerSlackUserId: string }): Promise<NetworkStats> {
  await requireOrganizer(deps, input.organizerSlackUserId);
  const now = deps.clock();
  const monthStart = networkMonthStart(now);
  const repo = createAdminOverviewRepository({ db: deps.db });
  const counts = await repo.memberCounts(monthStart);
  return {
    monthStart,
    members: {
      byStatus: { pending: 0, active: 0, declined: 0, erased: 0, ...counts.byStatus },
      byType: { alumni: 0, staff: 0, returnee: 0, ...counts.byType },
      newThisMonth: counts.newThisMonth,
    },
    introductions: { thisMonth: await repo.introductionCounts(monthStart), allTime: await repo.introductionCounts(null) },
    events: { thisMonth: await repo.eventsHeld(monthStart, now), allTime: await repo.eventsHeld(null, now) },
    unanswered: await repo.unansweredByTopic(monthStart),
  };
}

/**
 * Records that a search found nobody, under the topics it named (`suggestTopics`), or "other".
 * Only topic keys and the day are kept: never the query's words, never who searched, and no exact
 * time that could be matched with a searcher's rate-limit entries (search_allowances).
 */
export async function recordUnansweredSearch(deps: ServiceDeps, topicKeys: readonly string[]): Promise<void> {
  await createAdminOverviewRepository({ db: deps.db }).recordUnanswered({
    searchId: randomUUID(),
    topicKeys: topicKeys.length > 0 ? [...new Set(topicKeys)] : [UNKNOWN_TOPIC],
    at: startOfNetworkDay(networkToday(deps.clock())),
  });
}
