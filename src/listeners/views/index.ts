import type { App } from '@slack/bolt';
import { VIEWS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleProfileSubmission } from './profile-submission';

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(VIEWS.profile, handleProfileSubmission(deps));
}
