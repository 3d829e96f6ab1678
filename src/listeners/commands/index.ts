import type { App } from '@slack/bolt';
import { COMMANDS, ROUNDS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleAdminCommand } from './alumni-admin';
import { handleProfileCommand } from './alumni-profile';
import { handleEventCommand } from './alumni-event';
import { handleFindExpertCommand } from './find-expert';
import { handleRoundsCommand } from './alumni-rounds';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(COMMANDS.profile, handleProfileCommand(deps));
  app.command(COMMANDS.admin, handleAdminCommand(deps));
  app.command(COMMANDS.findExpert, handleFindExpertCommand(deps));
  app.command(COMMANDS.event, handleEventCommand(deps));
  app.command(ROUNDS.command, handleRoundsCommand(deps));
}
