import type { App } from '@slack/bolt';
import { ACTIONS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleConfirmErase } from './confirm-erase';
import { handleDecideRegistration } from './decide-registration';
import { handleKeepProfile } from './keep-profile';
import { handleOpenProfileModal } from './open-profile-modal';
import { handleShowMoreExperts } from './show-more-experts';

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(ACTIONS.approveMember, handleDecideRegistration(deps, 'approve'));
  app.action(ACTIONS.declineMember, handleDecideRegistration(deps, 'decline'));
  app.action(ACTIONS.openProfileModal, handleOpenProfileModal(deps));
  app.action(ACTIONS.confirmErase, handleConfirmErase(deps));
  app.action(ACTIONS.keepProfile, handleKeepProfile(deps));
  app.action(ACTIONS.showMoreExperts, handleShowMoreExperts(deps));
}
