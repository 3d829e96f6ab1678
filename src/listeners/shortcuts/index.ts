import type { App } from '@slack/bolt';
import { SHORTCUTS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleEditProfileShortcut } from './edit-profile';

export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut(SHORTCUTS.editProfile, handleEditProfileShortcut(deps));
}
