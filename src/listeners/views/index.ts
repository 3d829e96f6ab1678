import type { App } from '@slack/bolt';
import { VIEWS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleDeclineSubmission } from './decline-introduction';
import { handleDeclineRegistrationSubmission } from './decline-registration';
import { handleEventSubmission } from './event-submission';
import { handleIntroductionSubmission } from './introduction-request';
import { handleProfileSubmission } from './profile-submission';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEWS.profile, handleProfileSubmission(deps));
  app.view(VIEWS.introductionRequest, handleIntroductionSubmission(deps));
  app.view(VIEWS.declineIntroduction, handleDeclineSubmission(deps));
  app.view(VIEWS.event, handleEventSubmission(deps));
  app.view(VIEWS.declineRegistration, handleDeclineRegistrationSubmission(deps));
}
