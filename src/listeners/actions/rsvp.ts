import type { RsvpAnswer } from '../../db/schema';
import { answerRsvp } from '../../services/events';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';
import { announcePromotions, refreshAnnouncement, syncReminder } from '../shared/events';

/**
 * Going / Maybe / Can't go on an announcement. The answer is told privately; the message's counts
 * are redrawn; a place given up goes to the first on the waitlist, who gets a DM.
 */
export function handleRsvp(deps: ListenerDeps, answer: RsvpAnswer) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const user = await identify(deps, body.user.id);
    const e = user.t.events;
    const tell = privateReply(args);
    const result = await answerRsvp(deps.services, {
      actor: user,
      eventId: action.type === 'button' ? (action.value ?? '') : '',
      answer,
    });
    switch (result.kind) {
      case 'not_found':
        return tell(e.notFound);
      case 'cancelled':
        return tell(e.rsvpEventCancelled);
      case 'started':
        return tell(e.rsvpEventStarted);
      case 'deadline_passed':
        return tell(e.rsvpDeadlinePassed);
      case 'needs_profile':
        return tell(e.rsvpNeedsProfile);
      case 'not_for_staff':
        return tell(e.rsvpNotForStaff);
      case 'unchanged':
        return tell(result.waitlistPosition ? e.rsvpWaitlisted(result.waitlistPosition) : e.rsvpUnchanged);
    }
    const reply =
      result.waitlistPosition !== null
        ? e.rsvpWaitlisted(result.waitlistPosition)
        : { going: e.rsvpGoing, maybe: e.rsvpMaybe, not_going: e.rsvpNotGoing }[answer];
    await tell(reply);
    // The answer is saved; what follows only mirrors it in Slack, so a failure there is logged,
    // not reported to the member as if their answer were lost.
    try {
      await refreshAnnouncement(deps, client, result.event.id);
      await syncReminder(deps, client, result.event, result.rsvp, result.member);
      await announcePromotions(deps, client, result.event, result.promoted);
    } catch (error) {
      deps.logger.warn('RSVP saved but Slack was not fully updated', { event: result.event.id, error: String(error) });
    }
  });
}
