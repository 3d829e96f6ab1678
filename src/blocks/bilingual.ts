import type { Locale, Messages } from '../i18n';
import { t } from '../i18n';
import { truncate } from './common';

/**
 * The catalogues a message is written in: one reader's (a DM, an ephemeral, the App Home), or the
 * two of a shared channel, where organizers and members read different languages. The network's
 * default language comes first.
 */
export type Languages = readonly [Messages] | readonly [Messages, Messages];

/** What a builder used in both places takes: the reader's catalogue, or a channel's two. */
export type Speech = Messages | Languages;

/** A channel's two languages, the network's default first. */
export function channelLanguages(defaultLocale: Locale): readonly [Messages, Messages] {
  return defaultLocale === 'ja' ? [t('ja'), t('en')] : [t('en'), t('ja')];
}

export function languagesOf(speech: Speech): Languages {
  return Array.isArray(speech) ? (speech as Languages) : [speech as Messages];
}

const distinct = (texts: string[]) => [...new Set(texts)];

/** A label in every language, compactly: `参加 / Going` (once where both read the same, e.g. `—`). */
export function both(languages: Languages, pick: (m: Messages) => string): string {
  return distinct(languages.map(pick)).join(' / ');
}

/** A sentence in every language, one line each (mrkdwn; never with user text, which would show twice). */
export function lines(languages: Languages, pick: (m: Messages) => string): string {
  return distinct(languages.map(pick)).join('\n');
}

/** `*日時 / When:* value`: the labels in every language, the value (often user text) once. */
export function labelled(languages: Languages, label: (m: Messages) => string, value: string): string {
  return `*${both(languages, label)}:* ${value}`;
}

export const BUTTON_TEXT_MAX = 75;

/**
 * A button's text in every language within Slack's 75 characters: both if they fit, else the
 * first (the network's) language alone, so no label is cut in the middle of the second.
 */
export function buttonText(languages: Languages, pick: (m: Messages) => string, max = BUTTON_TEXT_MAX): string {
  const joined = both(languages, pick);
  return joined.length <= max ? joined : truncate(pick(languages[0]), max);
}

type Catalogue = { readonly [key: string]: unknown };

function joinLeaves(first: unknown, others: unknown[]): unknown {
  if (typeof first === 'string') {
    return distinct([first, ...others.filter((other): other is string => typeof other === 'string')]).join(' / ');
  }
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    return Object.fromEntries(
      Object.entries(first as Catalogue).map(([key, value]) => [key, joinLeaves(value, others.map((other) => (other as Catalogue | undefined)?.[key]))]),
    );
  }
  // Functions are sentences around values (often user text): the first language's alone, so a value shows once.
  return first;
}

const labelCatalogues = new WeakMap<Messages, WeakMap<Messages, Messages>>();

/**
 * A catalogue whose every label (text entry) reads in all the languages, `区分 / Type`, and whose
 * sentences around values are the first language's. For a builder shared with one-language
 * surfaces that takes its values as arguments, such as the profile card inside the approval card.
 */
export function labelCatalogue(languages: Languages): Messages {
  const [first, second] = languages;
  if (!second) return first;
  const known = labelCatalogues.get(first)?.get(second);
  if (known) return known;
  const joined = joinLeaves(first, [second]) as Messages;
  if (!labelCatalogues.has(first)) labelCatalogues.set(first, new WeakMap());
  labelCatalogues.get(first)!.set(second, joined);
  return joined;
}
