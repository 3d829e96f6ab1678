import { buildMemberList, buildNetworkStats } from '../../blocks/admin-overview';
import { roundStatsText } from '../../blocks/rounds';
import { roundFigures } from '../../services/rounds';
import type { Messages } from '../../i18n';
import { listMembersForOrganizers, networkStats } from '../../services/admin-overview';
import { networkToday } from '../../services/calendar';
import { exportContactLog } from '../../services/contact-log';
import { requireOrganizer } from '../../services/event-lists';
import { checkRecordRange, exportIntroductionRecord } from '../../services/introduction-record';
import { listOrganizers, setOrganizer } from '../../services/organizers';
import { listAllowedGuests, setGuestAllowed } from '../../services/slack-accounts';
import { isFullMember } from '../../services/slack-standing';
import { mention } from '../../slack/mrkdwn';
import { parseUserMention } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardCommand, type CommandHandlerArgs } from '../shared/guard';
import { identify } from '../shared/identify';
import { uploadFileToDm } from '../shared/upload';

/**
 * `/alumni-admin organizers | grant @x | revoke @x | guests | allow-guest @x | disallow-guest @x |
 * audit [from] [to] | contacts [from] [to] | members [filter] | stats` — organizers only.
 */
export function handleAdminCommand(deps: ListenerDeps) {
  return guardCommand(deps, async (args) => {
    const { command, reply } = args;
    const user = await identify(deps, command.user_id);
    const m = user.t;
    // Everyone else is answered here, before anything is parsed (help included). The member list,
    // the figures, the contact log, roles and guests check the role again in their services.
    await requireOrganizer(deps.services, command.user_id);
    const [word = '', ...rest] = command.text.trim().split(/\s+/);
    const verb = word.toLowerCase();

    if (verb === 'organizers') {
      const ids = await listOrganizers(deps.services);
      await reply({ text: m.admin.organizers(ids.map(mention).join(', ')) });
      return;
    }
    if (verb === 'grant' || verb === 'revoke') {
      const target = parseUserMention(rest.join(' '));
      if (!target) {
        await reply({ text: m.admin.needUser });
        return;
      }
      if (verb === 'grant' && !isFullMember((await deps.directory.lookup(target)).standing)) {
        await reply({ text: m.admin.grantNeedsMember(mention(target)) });
        return;
      }
      await setOrganizer(deps.services, { bySlackUserId: command.user_id, targetSlackUserId: target, active: verb === 'grant' });
      await reply({ text: (verb === 'grant' ? m.admin.granted : m.admin.revoked)(mention(target)) });
      return;
    }
    if (verb === 'guests') {
      const guests = await listAllowedGuests(deps.services, command.user_id);
      const list = guests.map((guest) => mention(guest.slackUserId)).join(', ');
      await reply({ text: list ? m.admin.guests(list) : m.admin.noGuests });
      return;
    }
    if (verb === 'allow-guest' || verb === 'disallow-guest') {
      await changeGuest(deps, args, m, { target: parseUserMention(rest.join(' ')), allowed: verb === 'allow-guest' });
      return;
    }
    if (verb === 'audit') {
      await sendIntroductionRecord(deps, args, m, rest);
      return;
    }
    if (verb === 'contacts') {
      await sendContactLog(deps, args, m, rest);
      return;
    }
    if (verb === 'members') {
      const { members } = await listMembersForOrganizers(deps.services, { organizerSlackUserId: command.user_id, text: rest.join(' ') });
      await reply(buildMemberList({ m, filterText: rest.join(' '), members }));
      return;
    }
    if (verb === 'stats') {
      const stats = buildNetworkStats({ m, locale: user.locale, stats: await networkStats(deps.services, { organizerSlackUserId: command.user_id }) });
      const rounds = roundStatsText(m, await roundFigures(deps.services, command.user_id));
      await reply({ ...stats, blocks: [...stats.blocks, { type: 'section', text: { type: 'mrkdwn', text: rounds } }] });
      return;
    }
    await reply({ text: m.admin.help });
  });
}

/**
 * `allow-guest @x | disallow-guest @x`: a named guest account takes part, or stops. Whether the
 * account is a guest comes from Slack; what waited on a guest no longer let in is closed and told.
 */
async function changeGuest(
  deps: ListenerDeps,
  { command, reply }: CommandHandlerArgs,
  m: Messages,
  input: { target: string | undefined; allowed: boolean },
) {
  if (!input.target) {
    await reply({ text: m.admin.needUser });
    return;
  }
  const target = await deps.directory.lookup(input.target);
  const change = await setGuestAllowed(deps.services, { bySlackUserId: command.user_id, target, allowed: input.allowed });
  const who = mention(target.slackUserId);
  const text =
    change.kind === 'not_a_guest'
      ? m.admin.notAGuest(who)
      : change.kind === 'unchanged'
        ? (input.allowed ? m.admin.guestAlreadyAllowed : m.admin.guestNotListed)(who)
        : (input.allowed ? m.admin.guestAllowed : m.admin.guestDisallowed)(who);
  await reply({ text });
  if (change.kind === 'changed') await deps.deliveries.deliverNow(change.closed);
}

/**
 * `audit [from] [to]`: the introduction record as a CSV file in the organizer's DM. No date means
 * all time, one date that day onwards.
 */
async function sendIntroductionRecord(deps: ListenerDeps, { command, reply, client }: CommandHandlerArgs, m: Messages, dates: string[]) {
  const [from, to] = dates;
  const problem = dates.length > 2 ? 'bad_date' : checkRecordRange({ from, to });
  if (problem) {
    await reply({ text: problem === 'bad_date' ? m.admin.auditBadDate : m.admin.auditBadRange });
    return;
  }
  const { csv, count } = await exportIntroductionRecord(deps.services, { from, to, by: { organizerSlackUserId: command.user_id } });
  // The file covers everything up to now, so an open end is labelled with today (Japan time).
  const through = to ?? networkToday(deps.services.clock());
  const filename = `kakehashi-introductions-${from ?? 'all'}-${through}.csv`;
  await uploadFileToDm(client, command.user_id, {
    content: csv,
    filename,
    title: filename,
    message: { text: m.admin.auditFileComment(from ?? m.admin.auditAllTime, through) },
  });
  await reply({ text: m.admin.auditSent(count) });
}

/**
 * `contacts [from] [to]`: the contact log for the ethics officer (introductions made, events staff
 * attended) as a CSV file in the organizer's DM. Dates as for `audit`.
 */
async function sendContactLog(deps: ListenerDeps, { command, reply, client }: CommandHandlerArgs, m: Messages, dates: string[]) {
  const [from, to] = dates;
  const problem = dates.length > 2 ? 'bad_date' : checkRecordRange({ from, to });
  if (problem) {
    await reply({ text: problem === 'bad_date' ? m.admin.contactsBadDate : m.admin.auditBadRange });
    return;
  }
  const { csv, count } = await exportContactLog(deps.services, { from, to, by: { organizerSlackUserId: command.user_id } });
  const through = to ?? networkToday(deps.services.clock());
  const filename = `kakehashi-contacts-${from ?? 'all'}-${through}.csv`;
  await uploadFileToDm(client, command.user_id, {
    content: csv,
    filename,
    title: filename,
    message: { text: m.admin.contactsFileComment(from ?? m.admin.auditAllTime, through) },
  });
  await reply({ text: m.admin.contactsSent(count) });
}
