import type { App } from '@slack/bolt';
import { MESSAGE_SHORTCUTS, SHORTCUTS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleAnnounceEventShortcut } from './announce-event';
import { handleEditProfileShortcut } from './edit-profile';
import { handleFindExpertFromMessage } from './find-expert-from-message';

export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut(SHORTCUTS.editProfile, handleEditProfileShortcut(deps));
  app.shortcut(SHORTCUTS.announceEvent, handleAnnounceEventShortcut(deps));
  app.shortcut(MESSAGE_SHORTCUTS.findExpertFromMessage, handleFindExpertFromMessage(deps));
}
