import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { t, type Locale, type Messages } from '../i18n';

/**
 * The rule texts shown with introductions and events (issue 13: "rule texts are settings"). The
 * defaults are the catalogues' (src/i18n), which cite the rule by name; organizers may replace any
 * of them per language with ETHICS_TEXTS_FILE (see README, "Ethics rules").
 */
export const ETHICS_TEXT_KEYS = [
  'interestedParty',
  'postRetirement',
  'alumnusInterestedParty',
  'alumnusPostRetirement',
  'notLegalAdvice',
  'mealNotice',
  'hospitalityNotice',
] as const;
export type EthicsTextKey = (typeof ETHICS_TEXT_KEYS)[number];

/**
 * The `{placeholders}` each text may use, and those it must (without `{what}` the interested-party
 * notice would no longer say what matched). Values are filled in escaped for mrkdwn.
 */
const PLACEHOLDERS: Record<EthicsTextKey, { allowed: readonly string[]; required: readonly string[] }> = {
  interestedParty: { allowed: ['what'], required: ['what'] },
  postRetirement: { allowed: ['division', 'years', 'until'], required: ['division'] },
  alumnusInterestedParty: { allowed: [], required: [] },
  alumnusPostRetirement: { allowed: ['years'], required: [] },
  notLegalAdvice: { allowed: [], required: [] },
  mealNotice: { allowed: ['title', 'threshold'], required: ['title'] },
  hospitalityNotice: { allowed: ['title'], required: ['title'] },
};

/** The organizers' replacements, per language and text (as ETHICS_TEXTS_FILE holds them). */
export type EthicsTextOverrides = Partial<Record<Locale, Partial<Record<EthicsTextKey, string>>>>;

/** The rule texts in one language, as blocks use them. */
export interface EthicsTexts {
  /** The requester's interested-party notice; `what` says what matched. */
  interestedParty(what: string): string;
  postRetirement(division: string, years: number, until: string): string;
  /** The alumnus's reminders. */
  alumnusInterestedParty: string;
  alumnusPostRetirement(years: number): string;
  /** "Informs and records; not legal advice", under every notice. */
  notLegalAdvice: string;
  /** The reminder to staff going to a seated meal with an interested party (events). */
  mealNotice(title: string, threshold: string): string;
  /** The reminder to staff going to a seated meal others pay for, with an interested party (events). */
  hospitalityNotice(title: string): string;
}

/** The catalogue's texts (no organizer replacements). */
export function defaultEthicsTexts(messages: Messages): EthicsTexts {
  const m = messages.introductionEthics;
  return {
    interestedParty: m.interestedParty,
    postRetirement: m.postRetirement,
    alumnusInterestedParty: m.alumnusInterestedParty,
    alumnusPostRetirement: m.alumnusPostRetirement,
    notLegalAdvice: m.notLegalAdvice,
    mealNotice: messages.events.costs.mealNotice,
    hospitalityNotice: messages.events.costs.hospitalityNotice,
  };
}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** A text with its placeholders filled in one pass (a value that holds `{years}` stays as it is). */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/**
 * The rule texts in `locale`: the organizers' replacement where the file has one, else the
 * catalogue's. Blocks receive the result as data.
 */
export function ethicsTexts(overrides: EthicsTextOverrides | undefined, locale: Locale): EthicsTexts {
  const base = defaultEthicsTexts(t(locale));
  const own = overrides?.[locale] ?? {};
  return {
    interestedParty: own.interestedParty ? (what) => fill(own.interestedParty!, { what }) : base.interestedParty,
    postRetirement: own.postRetirement
      ? (division, years, until) => fill(own.postRetirement!, { division, years: String(years), until })
      : base.postRetirement,
    alumnusInterestedParty: own.alumnusInterestedParty ?? base.alumnusInterestedParty,
    alumnusPostRetirement: own.alumnusPostRetirement ? (years) => fill(own.alumnusPostRetirement!, { years: String(years) }) : base.alumnusPostRetirement,
    notLegalAdvice: own.notLegalAdvice ?? base.notLegalAdvice,
    mealNotice: own.mealNotice ? (title, threshold) => fill(own.mealNotice!, { title, threshold }) : base.mealNotice,
    hospitalityNotice: own.hospitalityNotice ? (title) => fill(own.hospitalityNotice!, { title }) : base.hospitalityNotice,
  };
}

/** An ETHICS_TEXTS_FILE that cannot be used: the message names the file, the place and what is wrong. */
export class EthicsTextsFileError extends Error {
  override readonly name = 'EthicsTextsFileError';
}

/** Far within a Slack section (3,000 characters) with what matched added. */
const MAX_TEXT = 1_500;

function ruleText(key: EthicsTextKey) {
  const { allowed, required } = PLACEHOLDERS[key];
  const shown = allowed.length > 0 ? allowed.map((name) => `{${name}}`).join(', ') : 'none';
  return z
    .string('must be a text')
    .trim()
    .min(1, 'is empty')
    .max(MAX_TEXT, `is longer than ${MAX_TEXT} characters`)
    .superRefine((text, ctx) => {
      const used = [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
      const unknown = used.find((name) => !allowed.includes(name));
      if (unknown) ctx.addIssue({ code: 'custom', message: `uses {${unknown}}, which this text has not (placeholders: ${shown})` });
      const missing = required.find((name) => !used.includes(name));
      if (missing) ctx.addIssue({ code: 'custom', message: `must contain {${missing}}` });
    });
}

const languageTexts = z
  .object(Object.fromEntries(ETHICS_TEXT_KEYS.map((key) => [key, ruleText(key).optional()])) as Record<EthicsTextKey, z.ZodOptional<ReturnType<typeof ruleText>>>)
  .strict();
const ethicsTextsFile = z.object({ ja: languageTexts.optional(), en: languageTexts.optional() }).strict();

/** The replacements in a file's text, or an EthicsTextsFileError naming the file and the place (`ja.interestedParty must contain {what}`). */
export function parseEthicsTextsFile(text: string, fileName: string): EthicsTextOverrides {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EthicsTextsFileError(`ETHICS_TEXTS_FILE ${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const result = ethicsTextsFile.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.map(String).join('.');
    const what = issue.code === 'unrecognized_keys' ? `has unknown keys ${issue.keys.join(', ')} (texts: ${ETHICS_TEXT_KEYS.join(', ')}; languages: ja, en)` : issue.message;
    throw new EthicsTextsFileError(`ETHICS_TEXTS_FILE ${fileName}: ${where || 'the file'} ${what}`);
  }
  return result.data as EthicsTextOverrides;
}

/** Reads ETHICS_TEXTS_FILE, if set, once at start (config.ts); fails readably. */
export function readEthicsTextsFile(path: string | undefined): EthicsTextOverrides | undefined {
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EthicsTextsFileError(`ETHICS_TEXTS_FILE ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseEthicsTextsFile(text, path);
}
