/**
 * Escapes user text for mrkdwn: Slack reads `<…>` as links and mentions (`<!channel>`), and `&` as
 * the start of an entity. Stored text stays as typed; only what is shown is escaped.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Message text as Slack sends it (a message shortcut's `message.text`) has `&`, `<` and `>` typed
 * by the writer escaped; this gives back what they typed, to be escaped again where it is shown.
 */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_entity, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

export function mention(slackUserId: string): string {
  return `<@${slackUserId}>`;
}

/**
 * Escapes and shortens to at most `max` characters of mrkdwn, never cutting an entity in half, so
 * that text of nothing but `&` still fits the block it goes into.
 */
export function escapeMrkdwnWithin(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let result = '';
  for (const char of text) {
    const piece = escapeMrkdwn(char);
    if (result.length + piece.length > max - 1) break;
    result += piece;
  }
  return `${result}…`;
}
