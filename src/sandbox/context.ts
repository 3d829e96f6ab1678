import type { BotLink } from './bot-link';
import { SLACKBOT } from './ids';
import type { Workspace } from './workspace';

/** A slash command or shortcut the app declares (its manifest), as the page offers it. */
export interface AppSurface {
  commands: Array<{ command: string; description: string; usageHint?: string }>;
  shortcuts: Array<{ callbackId: string; name: string; type: 'global' | 'message' }>;
}

/** What every interaction needs: the workspace, where the stand-in is reached, and the app. */
export interface SandboxContext {
  ws: Workspace;
  /** The stand-in's own base URL as the app reaches it (response URLs, uploads), no trailing slash. */
  baseUrl: string;
  /** The app, once it listens. */
  bot: () => BotLink | undefined;
  surface: AppSurface;
  /** What the app would have done over time the clock skipped (its sweeps, due deliveries): run once the clock moved. */
  afterClockMoved?: () => Promise<void>;
}

export type InteractionResult =
  | { ok: true; outcome?: string; errors?: Record<string, string> }
  | { ok: false; error: string };

/** Slackbot tells one user something, in the conversation they acted in (as Slack does for failed commands). */
export function slackbotSays(ws: Workspace, userId: string, channelId: string, text: string): void {
  ws.post({ channel: channelId, user: SLACKBOT.userId, text, ephemeralTo: userId });
}

/** Why the app's answer did not count, as Slack words it. */
export function failureOf(status: number): string {
  return status === 0 ? 'operation_timeout' : `http_error_${status}`;
}

export const actionTs = () => (Date.now() / 1000).toFixed(6);
