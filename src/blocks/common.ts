import type { InputBlock, PlainTextElement, PlainTextOption } from '@slack/types';
import type { Locale } from '../i18n';
import type { Term } from '../services/taxonomy';

/** Slack cuts plain text at fixed lengths; we cut first, so a long value never breaks a view. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function plain(text: string, max = 3000): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function termOption(term: Term, locale: Locale): PlainTextOption {
  return { text: plain(term[locale], 75), value: term.key };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, 75), value };
}

/** An input block whose block_id is also its element's action_id (one input per block). */
export function inputBlock(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  extra: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    element,
    optional: extra.optional ?? false,
    ...(extra.hint ? { hint: plain(extra.hint, 2000) } : {}),
  };
}
