import type { App } from '@slack/bolt';
import { ROUNDS, VIEWS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleDeclineSubmission } from './decline-introduction';
import { handleDeclineRegistrationSubmission } from './decline-registration';
import { handleEventSubmission } from './event-submission';
import { handleIntroductionSubmission } from './introduction-request';
import { handlePickVolunteerEthicsSubmission } from './pick-volunteer-ethics';
import { handleProfileSubmission } from './profile-submission';
import { handleRoundJoinSubmission } from './round-join';
import { handleRoundSetupSubmission } from './round-setup';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEWS.profile, handleProfileSubmission(deps));
  app.view(VIEWS.introductionRequest, handleIntroductionSubmission(deps));
  app.view(VIEWS.declineIntroduction, handleDeclineSubmission(deps));
  app.view(VIEWS.event, handleEventSubmission(deps));
  app.view(VIEWS.declineRegistration, handleDeclineRegistrationSubmission(deps));
  app.view(ROUNDS.joinView, handleRoundJoinSubmission(deps));
  app.view(ROUNDS.setupView, handleRoundSetupSubmission(deps));
  app.view(VIEWS.pickVolunteerEthics, handlePickVolunteerEthicsSubmission(deps));
}
