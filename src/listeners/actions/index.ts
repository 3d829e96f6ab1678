import type { App } from '@slack/bolt';
import { ACTIONS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleConfirmErase } from './confirm-erase';
import { handleDecideRegistration } from './decide-registration';
import { handleKeepProfile } from './keep-profile';
import { handleOpenProfileModal } from './open-profile-modal';
import { handleShowMoreExperts } from './show-more-experts';
import { handleAcceptIntroduction } from './accept-introduction';
import { handleAskIntroduction } from './ask-introduction';
import { handleDeclineIntroduction } from './decline-introduction';
import { handleOfferHelp } from './offer-help';
import { handlePickVolunteer } from './pick-volunteer';
import { handlePostOpenRequest } from './post-open-request';
import { handleConfirmCancelEvent, handleKeepEvent } from './cancel-event';
import { handleEventOrganizerMenu } from './event-organizer-menu';
import { handleRsvp } from './rsvp';
import { handleOrganizerAnnounceEvent, handleOrganizerImportCsv, handleOrganizerMembers } from './organizer-tools';
import { handleCancelMemberImport, handleConfirmMemberImport } from './confirm-member-import';
import { handleClearUnavailable } from './clear-unavailable';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(ACTIONS.approveMember, handleDecideRegistration(deps, 'approve'));
  app.action(ACTIONS.declineMember, handleDecideRegistration(deps, 'decline'));
  app.action(ACTIONS.openProfileModal, handleOpenProfileModal(deps));
  app.action(ACTIONS.confirmErase, handleConfirmErase(deps));
  app.action(ACTIONS.keepProfile, handleKeepProfile(deps));
  app.action(ACTIONS.showMoreExperts, handleShowMoreExperts(deps));
  app.action(ACTIONS.askIntroduction, handleAskIntroduction(deps));
  app.action(ACTIONS.postOpenRequest, handlePostOpenRequest(deps));
  app.action(ACTIONS.acceptIntroduction, handleAcceptIntroduction(deps));
  app.action(ACTIONS.declineIntroduction, handleDeclineIntroduction(deps));
  app.action(ACTIONS.offerHelp, handleOfferHelp(deps));
  app.action(ACTIONS.pickVolunteer, handlePickVolunteer(deps));
  app.action(ACTIONS.rsvpGoing, handleRsvp(deps, 'going'));
  app.action(ACTIONS.rsvpMaybe, handleRsvp(deps, 'maybe'));
  app.action(ACTIONS.rsvpNotGoing, handleRsvp(deps, 'not_going'));
  app.action(ACTIONS.eventOrganizerMenu, handleEventOrganizerMenu(deps));
  app.action(ACTIONS.confirmCancelEvent, handleConfirmCancelEvent(deps));
  app.action(ACTIONS.keepEvent, handleKeepEvent(deps));
  app.action(ACTIONS.organizerAnnounceEvent, handleOrganizerAnnounceEvent(deps));
  app.action(ACTIONS.organizerMembers, handleOrganizerMembers(deps));
  app.action(ACTIONS.organizerImportCsv, handleOrganizerImportCsv(deps));
  app.action(ACTIONS.confirmMemberImport, handleConfirmMemberImport(deps));
  app.action(ACTIONS.cancelMemberImport, handleCancelMemberImport(deps));
  app.action(ACTIONS.clearUnavailable, handleClearUnavailable(deps));
  // A link button: the browser opens the calendar; Slack still sends the click, which needs an ack.
  app.action(ACTIONS.addToCalendar, async ({ ack }) => ack());
}
