/** The sandbox workspace's fixed identities: one team, one app and its bot user. */
export const TEAM = { id: 'T0SANDBOX', domain: 'kakehashi-sandbox', name: 'Kakehashi Sandbox' } as const;

export const BOT = {
  userId: 'U0KAKEHASHI',
  botId: 'B0KAKEHASHI',
  appId: 'A0KAKEHASHI',
  name: 'kakehashi',
  realName: 'Kakehashi 架け橋',
} as const;

/** Slackbot, who tells users about failed commands. */
export const SLACKBOT = { userId: 'USLACKBOT', name: 'slackbot', realName: 'Slackbot' } as const;

/** The legacy verification token Slack still puts in payloads (Bolt ignores it when signatures are checked). */
export const VERIFICATION_TOKEN = 'sandbox-verification-token';

/**
 * Slack-looking identifiers: a prefix and upper-case base-36 digits (`D00000A`, `V00001B`), unique
 * within one workspace.
 */
export function createIdSource() {
  let counter = 0;
  return (prefix: string): string => `${prefix}0${(++counter).toString(36).toUpperCase().padStart(6, '0')}`;
}

/** Trigger IDs look like Slack's: three dot-separated parts. */
export function triggerIdFrom(sequence: number, nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${sequence}.${(sequence * 2654435761).toString(16).slice(-8)}`;
}
