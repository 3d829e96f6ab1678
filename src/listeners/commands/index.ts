import type { App } from '@slack/bolt';
import { COMMANDS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleAdminCommand } from './alumni-admin';
import { handleProfileCommand } from './alumni-profile';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(COMMANDS.profile, handleProfileCommand(deps));
  app.command(COMMANDS.admin, handleAdminCommand(deps));
}
