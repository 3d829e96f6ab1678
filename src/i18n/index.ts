import type { Locale } from '../config';
import { en, type Messages } from './en';
import { ja } from './ja';

export type { Locale, Messages };

const catalogues: Record<Locale, Messages> = { en, ja };

export function t(locale: Locale): Messages {
  return catalogues[locale];
}

/** Maps a Slack locale such as `ja-JP` or `en-US` to one we speak, else the fallback. */
export function toLocale(slackLocale: string | null | undefined, fallback: Locale): Locale {
  if (!slackLocale) return fallback;
  const language = slackLocale.toLowerCase().slice(0, 2);
  return language === 'ja' || language === 'en' ? language : fallback;
}
