import type { HomeView, KnownBlock } from '@slack/types';
import type { DeliveryRow, MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { buildApprovalButtons } from './approval';
import { buildUnavailableNotice } from './availability';
import { plain } from './common';
import { slackDateTime } from './event-time';
import { buildHomeIntroductions } from './introductions';
import { buildHomeEvents } from './events';
import { buildOrganizerTools } from './organizer-tools';
import { buildRoundsSection } from './rounds';
import type { RoundsStanding } from '../services/rounds';
import type { EventView, MyEventView } from '../services/event-types';
import type { IntroductionListItem } from '../db/repositories/introductions';

export interface HomeProps {
  t: Messages;
  locale: Locale;
  member: MemberRow | undefined;
  /**
   * The day the member said, when declining, they are unavailable until, while it still hides them
   * (src/services/availability.ts activeUnavailability); undefined once it has passed.
   */
  unavailableUntil?: string;
  /** Present for organizers only. */
  pending?: { rows: MemberRow[]; total: number };
  /** Requests I made and requests addressed to me. */
  introductions?: { made: IntroductionListItem[]; toMe: IntroductionListItem[] };
  /** Upcoming events with my answer; for organizers, the events with counts. */
  events?: { upcoming: MyEventView[]; organized?: EventView[] };
  /** Organizers only: deliveries that finally failed, newest first. */
  failedDeliveries?: { rows: Pick<DeliveryRow, 'kind' | 'lastError' | 'failedAt'>[]; total: number };
  /** Organizers only: active members not on Slack yet (nobody can ask them). */
  unlinked?: { rows: Pick<MemberRow, 'name' | 'pseudonym' | 'email'>[]; total: number };
  /** Where the user stands with rounds (and, for organizers, the figures); none while rounds are off for a non-organizer. */
  rounds?: RoundsStanding;
  /** Organizers only: the embedded database's last daily backup failed (one block). */
  backupFailure?: { day: string; error: string };
}

/** How many members not on Slack the organizers' home names (one section; the rest are counted). */
export const HOME_UNLINKED_LIMIT = 20;

/**
 * How many pending registrations the home tab lists: 2 blocks each, so that an organizer's Home
 * with every list full stays within Slack's 100 blocks (the rest are counted; each is also in the
 * organizers' channel).
 */
export const HOME_PENDING_LIMIT = 10;

function consentText(t: Messages, value: boolean | null): string {
  return value === null ? t.profileCard.consentNever : value ? t.common.yes : t.common.no;
}

export function buildHomeView({ t, locale, member, unavailableUntil, pending, introductions, events, failedDeliveries, unlinked, backupFailure, rounds }: HomeProps): HomeView {
  const h = t.home;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(h.title, 150) },
    { type: 'section', text: { type: 'mrkdwn', text: h.welcome } },
    { type: 'divider' },
  ];
  if (member) {
    const line = [member.organisation, member.title].filter(Boolean).map((value) => escapeMrkdwnWithin(value!, 400)).join(' / ');
    blocks.push(
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${h.yourProfile}: ${escapeMrkdwnWithin(member.name ?? '', 200)}*${line ? `\n${line}` : ''}\n${t.memberType[member.memberType]}`,
        },
        accessory: { type: 'button', action_id: ACTIONS.openProfileModal, text: plain(h.editProfile, 75) },
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: h.statusLine(t.status[member.status]) },
          { type: 'mrkdwn', text: h.consentLine(consentText(t, member.shareWithStaff), consentText(t, member.shareWithAlumni)) },
        ],
      },
    );
    if (unavailableUntil) blocks.push(buildUnavailableNotice(t, unavailableUntil));
  } else {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: h.noProfile },
      accessory: { type: 'button', action_id: ACTIONS.openProfileModal, style: 'primary', text: plain(h.createProfile, 75) },
    });
  }
  if (events) blocks.push({ type: 'divider' }, ...buildHomeEvents({ t, ...events }));
  if (introductions) blocks.push(...buildHomeIntroductions({ t, ...introductions }));
  if (rounds) blocks.push({ type: 'divider' }, ...buildRoundsSection({ t, locale, standing: rounds }));
  // `pending` is given to organizers only: their tools come first among the organizer parts.
  if (backupFailure) {
    const text = t.backups.failedNotice(backupFailure.day, escapeMrkdwnWithin(backupFailure.error, 400));
    blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text } });
  }
  if (pending) blocks.push(...buildOrganizerTools({ t }));
  if (pending) {
    blocks.push({ type: 'divider' }, { type: 'header', text: plain(h.pendingHeader, 150) });
    if (pending.rows.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: h.noPending } });
    for (const row of pending.rows.slice(0, HOME_PENDING_LIMIT)) {
      const who = `${escapeMrkdwnWithin(row.name ?? row.pseudonym, 200)}${row.slackUserId ? ` (${mention(row.slackUserId)})` : ''}`;
      const org = [row.organisation, row.title].filter(Boolean).map((value) => escapeMrkdwnWithin(value!, 400)).join(' / ');
      blocks.push(
        { type: 'section', text: { type: 'mrkdwn', text: `*${who}* — ${t.memberType[row.memberType]}${org ? `\n${org}` : ''}` } },
        buildApprovalButtons({ t, member: row }),
      );
    }
    const hidden = pending.total - Math.min(pending.rows.length, HOME_PENDING_LIMIT);
    if (hidden > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: h.morePending(hidden) }] });
  }
  if (unlinked && unlinked.total > 0) {
    const names = unlinked.rows.map((row) => escapeMrkdwnWithin(`${row.name ?? row.pseudonym}${row.email ? ` <${row.email}>` : ''}`, 120));
    const more = unlinked.total - unlinked.rows.length;
    blocks.push(
      { type: 'divider' },
      { type: 'header', text: plain(h.unlinkedHeader(unlinked.total), 150) },
      { type: 'section', text: { type: 'mrkdwn', text: names.join('\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: more > 0 ? `${h.morePending(more)} ${h.unlinkedHint}` : h.unlinkedHint }] },
    );
  }
  if (failedDeliveries && failedDeliveries.total > 0) blocks.push(...failedDeliveryBlocks(t, failedDeliveries));
  return { type: 'home', blocks };
}

/** What finally failed to reach Slack, so organizers can act (the kinds and codes are Slack's words). */
function failedDeliveryBlocks(t: Messages, failed: NonNullable<HomeProps['failedDeliveries']>): KnownBlock[] {
  const d = t.deliveries;
  const lines = failed.rows.map((row) =>
    d.homeItem(row.kind, row.lastError ?? 'unknown', row.failedAt ? slackDateTime(row.failedAt) : ''),
  );
  const more = failed.total - failed.rows.length;
  return [
    { type: 'divider' },
    { type: 'header', text: plain(d.homeTitle, 150) },
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: more > 0 ? `${d.homeMore(more)} ${d.homeHint}` : d.homeHint }] },
  ];
}
