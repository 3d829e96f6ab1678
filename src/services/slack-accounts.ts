import { createRepositories, type Repositories } from '../db/repositories';
import type { MemberRow } from '../db/schema';
import { linkImportedMember } from '../db/repositories/members';
import type { SlackUserRecord } from '../db/repositories/slack-users';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';
import { AppError } from './errors';
import { effectiveStanding, takesPart, type SlackStanding } from './slack-standing';

export type { SlackUserRecord };

/** What Slack last said about a user, if recorded, with the standing it gives them here. */
export async function findRecordedAccount(
  deps: ServiceDeps,
  slackUserId: string,
): Promise<{ record: SlackUserRecord & { fetchedAt: Date }; standing: SlackStanding } | undefined> {
  const { user, guestAllowed } = await createRepositories(deps.db).slackUsers.find(slackUserId);
  return user ? { record: user, standing: effectiveStanding(user.accountStanding, guestAllowed) } : undefined;
}

/**
 * Records what Slack says about a user (a users.info answer or a user event) for every instance,
 * and mirrors the standing on their profile, which decides whether anyone finds them. With
 * `closeRequests` (user events), an account that no longer takes part has its open requests
 * closed, both those addressed to it and those it made; this is a state, not a transition, so a
 * repeated or late event closes nothing twice and misses nothing.
 */
export async function recordSlackAccount(
  deps: ServiceDeps,
  record: SlackUserRecord,
  options: { closeRequests: boolean },
): Promise<{ standing: SlackStanding; closed: string[] }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    await repos.slackUsers.save(record, now);
    const { guestAllowed } = await repos.slackUsers.find(record.slackUserId);
    const standing = effectiveStanding(record.accountStanding, guestAllowed);
    // A member imported by email is linked as soon as Slack shows us their account (team_join too).
    if (record.email) await linkImportedMember(tx, record.slackUserId, record.email, standing);
    const changed = await repos.members.recordSlackStanding(record.slackUserId, standing);
    if (changed) {
      await repos.audit.record({
        actor: null,
        action: 'member.slack_standing_changed',
        subjectMemberId: changed.id,
        details: { standing },
        occurredAt: now,
      });
    }
    if (!options.closeRequests || takesPart(standing)) return { standing, closed: [] };
    return { standing, closed: await closeRequestsOf(repos, record.slackUserId, standing, changed, now) };
  });
}

/**
 * Closes, with audit events, what still waits on an account that stopped taking part, and records
 * what tells of it: the alumnus's copy or the open request's post, and a requester whose alumnus
 * is gone hears it with the next match. Returns the deliveries.
 */
async function closeRequestsOf(
  repos: Repositories,
  slackUserId: string,
  standing: SlackStanding,
  knownMember: MemberRow | undefined,
  now: Date,
): Promise<string[]> {
  const member = knownMember ?? (await repos.members.findBySlackUserId(slackUserId));
  const closedRows = await repos.introductions.closeInvolving({ slackUserId, memberId: member?.id }, now);
  const notices = [];
  for (const request of closedRows) {
    await repos.audit.record({
      actor: null,
      action: 'introduction.closed',
      subjectMemberId: request.alumnusMemberId,
      details: { requestId: request.id, reason: standing },
      occurredAt: now,
    });
    notices.push(
      request.kind === 'open' ? DELIVERIES.openRequestRefresh(request.id, 'closed') : DELIVERIES.introductionOutcome(request.id, 'closed'),
    );
    if (member && request.alumnusMemberId === member.id) notices.push(DELIVERIES.introductionNotice(request.id, 'closed'));
  }
  return repos.deliveries.enqueue(notices, now);
}

export type GuestChange = { kind: 'not_a_guest' } | { kind: 'unchanged' } | { kind: 'changed'; closed: string[] };

/**
 * Organizers let a named guest account take part, or stop letting it: off by default, audited.
 * Only a guest of this workspace can be let in (never another workspace's user or a deactivated
 * account); stopping closes what waited on them, as when Slack makes a member a guest.
 */
export async function setGuestAllowed(
  deps: ServiceDeps,
  input: { bySlackUserId: string; target: { slackUserId: string; standing: SlackStanding }; allowed: boolean },
): Promise<GuestChange> {
  const now = deps.clock();
  return deps.db.transaction(async (tx): Promise<GuestChange> => {
    const repos = createRepositories(tx);
    if (!(await repos.organizers.isActive(input.bySlackUserId))) throw new AppError('not_organizer');
    const { slackUserId } = input.target;
    const isGuest = input.target.standing === 'guest' || input.target.standing === 'allowed_guest';
    if (input.allowed && !isGuest) return { kind: 'not_a_guest' };
    const changed = input.allowed
      ? await repos.slackUsers.allowGuest(slackUserId, input.bySlackUserId, now)
      : await repos.slackUsers.disallowGuest(slackUserId);
    if (!changed) return { kind: 'unchanged' };
    const standing: SlackStanding = input.allowed ? 'allowed_guest' : isGuest ? 'guest' : input.target.standing;
    const member = await repos.members.findBySlackUserId(slackUserId);
    await repos.members.recordSlackStanding(slackUserId, standing);
    await repos.audit.record({
      actor: input.bySlackUserId,
      action: input.allowed ? 'guest.allowed' : 'guest.disallowed',
      subjectMemberId: member?.id ?? null,
      details: { slackUserId },
      occurredAt: now,
    });
    const closed = takesPart(standing) ? [] : await closeRequestsOf(repos, slackUserId, standing, member, now);
    return { kind: 'changed', closed };
  });
}

/** The guest accounts organizers let in, oldest first. */
export async function listAllowedGuests(deps: ServiceDeps, bySlackUserId: string) {
  const repos = createRepositories(deps.db);
  if (!(await repos.organizers.isActive(bySlackUserId))) throw new AppError('not_organizer');
  return repos.slackUsers.listAllowedGuests();
}

/**
 * An imported member not linked to Slack yet, found on Slack by their email (users.lookupByEmail):
 * linked now, with their standing, unless another member holds that Slack user. Returns the
 * standing the member now has, or undefined when nothing was linked.
 */
export async function linkFoundByEmail(deps: ServiceDeps, email: string, record: SlackUserRecord): Promise<SlackStanding | undefined> {
  const { standing } = await recordSlackAccount(deps, { ...record, email: record.email ?? email.toLowerCase() }, { closeRequests: false });
  const member = await createRepositories(deps.db).members.findBySlackUserId(record.slackUserId);
  return member?.email === email.toLowerCase() ? standing : undefined;
}
