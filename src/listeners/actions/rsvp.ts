import type { RsvpAnswer } from '../../db/schema';
import { answerRsvp } from '../../services/events';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';

/**
 * Going / Maybe / Can't go on an announcement. The answer is told privately; what follows in Slack
 * (the counts redrawn, the member's reminder, a DM to whoever moved up from the waitlist) was
 * recorded with the answer and is delivered now, or by the worker if Slack is slow: the member's
 * answer stands either way. The same answer twice (a double click, two instances) records nothing.
 */
export function handleRsvp(deps: ListenerDeps, answer: RsvpAnswer) {
  return guardButton(deps, async (args) => {
    const { body, action } = args;
    const user = await identify(deps, body.user.id);
    const e = user.t.events;
    const tell = privateReply(args);
    const result = await answerRsvp(deps.services, {
      actor: user,
      eventId: action.type === 'button' ? (action.value ?? '') : '',
      answer,
      ethics: deps.config.ethics,
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
    await deps.deliveries.deliverNow(result.deliveryIds);
  });
}
