/**
 * Escapes user text for mrkdwn: Slack reads `<…>` as links and mentions (`<!channel>`), and `&` as
 * the start of an entity. Stored text stays as typed; only what is shown is escaped.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function mention(slackUserId: string): string {
  return `<@${slackUserId}>`;
}
