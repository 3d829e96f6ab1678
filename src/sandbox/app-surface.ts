import { COMMANDS, MESSAGE_SHORTCUTS, ROUNDS, SHORTCUTS } from '../slack/ids';
import type { AppSurface } from './context';

/** Kakehashi's commands and shortcuts as manifest.yml declares them (IDs from src/slack/ids.ts). */
export const KAKEHASHI_SURFACE: AppSurface = {
  commands: [
    { command: COMMANDS.profile, description: 'Your profile, or a member’s / プロフィール', usageHint: '[help | export | delete | @someone]' },
    { command: COMMANDS.findExpert, description: 'Find alumni on a policy topic / OB・OGを探す', usageHint: '<topic> e.g. 再エネ 系統' },
    { command: COMMANDS.event, description: 'Announce or list meetups / 交流会', usageHint: '[list | help]' },
    { command: ROUNDS.command, description: 'Regular pairings of young staff with alumni / ラウンド', usageHint: '[join | pause | leave | status | setup]' },
    { command: COMMANDS.admin, description: 'Organizers only / 幹事のみ', usageHint: '[organizers | grant @x | revoke @x | audit [from] [to]]' },
  ],
  shortcuts: [
    { callbackId: SHORTCUTS.editProfile, name: 'Edit my profile', type: 'global' },
    { callbackId: SHORTCUTS.announceEvent, name: 'Announce an event', type: 'global' },
    { callbackId: MESSAGE_SHORTCUTS.findExpertFromMessage, name: 'Find an expert', type: 'message' },
  ],
};
