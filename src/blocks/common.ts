import type { PlainTextElement, PlainTextOption } from '@slack/types';
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
