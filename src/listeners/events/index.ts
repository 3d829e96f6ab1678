import type { App } from '@slack/bolt';
import { EVENTS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleAppHomeOpened } from './app-home-opened';
import { handleUserChanged } from './user-changed';
import { handleMemberCsvUpload } from './member-csv-upload';
import { handleTypedDirectMessage } from './typed-direct-message';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event(EVENTS.appHomeOpened, handleAppHomeOpened(deps));
  app.event(EVENTS.userChange, handleUserChanged<'user_change'>(deps));
  app.event(EVENTS.teamJoin, handleUserChanged<'team_join'>(deps));
  app.event(EVENTS.userGuestStatusChanged, handleUserChanged<'user_guest_status_changed'>(deps));
  app.event(EVENTS.message, handleMemberCsvUpload(deps));
  app.event(EVENTS.message, handleTypedDirectMessage(deps));
}
