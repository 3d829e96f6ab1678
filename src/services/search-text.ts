/**
 * How profiles and queries become search tokens, in the app rather than the database, so that
 * Postgres and PGlite agree whatever their parser or locale (see NOTES.md, "Japanese search").
 * Text is normalised (NFKC, lower case); Japanese runs become character bigrams, so a query finds
 * any text containing it; Latin text becomes words, matched by prefix. Synonyms and the taxonomy's
 * labels in both languages are added to the document, and to each query term as alternatives.
 */
import { createHash } from 'node:crypto';
import { SYNONYM_GROUPS, type SynonymGroup } from './synonyms';
import { POLICY_TOPICS } from './taxonomy';

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const JAPANESE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc';
const WORD_CHAR = `(?:(?![${JAPANESE}])[\\p{L}\\p{N}])`;
/** A Japanese run, or a Latin word that may join parts with "-" or "&" (start-up, m&a). */
const PIECE = new RegExp(`[${JAPANESE}]+|${WORD_CHAR}+(?:[-&]${WORD_CHAR}+)*`, 'gu');
const IS_JAPANESE = new RegExp(`^[${JAPANESE}]`, 'u');
const HAS_JAPANESE = new RegExp(`[${JAPANESE}]`, 'u');
const STOP_WORDS = new Set(['a', 'an', 'and', 'or', 'the', 'of', 'in', 'for', 'to', 'on', 'with', 'by', 'at', 'from', 'as']);
/** Lexemes have a length limit; nobody searches for a word this long. */
const MAX_WORD = 64;

/** One condition on a document: the token itself, or (prefix) any token starting with it. */
export interface Atom {
  token: string;
  prefix: boolean;
}
/** All atoms of a clause must match. */
export type Clause = Atom[];

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

function wordParts(word: string): { parts: string[]; joined: string } {
  const parts = word.split(/[-&]/).filter((part) => !STOP_WORDS.has(part));
  return { parts, joined: word.replace(/[-&]/g, '').slice(0, MAX_WORD) };
}

/** The tokens a document stores for normalised text. */
function documentTokens(normalised: string): string[] {
  const tokens: string[] = [];
  for (const [piece] of normalised.matchAll(PIECE)) {
    if (IS_JAPANESE.test(piece)) {
      // The last character on its own too, so that every character can be found by prefix.
      tokens.push(...bigrams(piece), ...(piece.length > 1 ? [[...piece].at(-1)!] : []));
    } else {
      const { parts, joined } = wordParts(piece);
      tokens.push(...parts.map((part) => part.slice(0, MAX_WORD)));
      if (parts.length > 1 || joined !== piece) tokens.push(joined);
      // A short plural also as its singular: a query's short word matches exactly (VC finds VCs).
      for (const part of parts) if (isShortPlural(part)) tokens.push(part.slice(0, -1));
    }
  }
  return tokens.filter((token) => token !== '' && !STOP_WORDS.has(token));
}

/** vcs, evs, ais: a query for a word this short matches exactly, not as a prefix. */
const isShortPlural = (word: string) => word.length >= 3 && word.length <= 4 && word.endsWith('s') && !word.endsWith('ss');

/** Plural English endings, so that "semiconductors" also finds "semiconductor". */
function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return word.slice(0, -3);
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The clause that finds normalised text typed as a query (empty when it has nothing to search). */
function queryClause(normalised: string): Clause {
  const atoms: Atom[] = [];
  for (const [piece] of normalised.matchAll(PIECE)) {
    if (IS_JAPANESE.test(piece)) {
      const grams = bigrams(piece);
      atoms.push(...grams.map((token) => ({ token, prefix: grams.length === 1 && [...piece].length === 1 })));
    } else {
      const { parts, joined } = wordParts(piece);
      const word = parts.length > 1 || joined !== piece ? joined : stem(piece.slice(0, MAX_WORD));
      // Short words (AI, DX, IP) match exactly: as prefixes they would find "aim" or "ipsum".
      if (word !== '' && !STOP_WORDS.has(word)) atoms.push({ token: word, prefix: word.length >= 3 });
    }
  }
  return atoms;
}

interface Group {
  topic: string | undefined;
  forms: string[];
  /**
   * The concept's own token, in the document of every text holding one of its forms (and of every
   * member who chose its topic): a query naming the concept matches this one token, where its forms'
   * bigrams and words made the GIN index read many long posting lists.
   */
  token: string;
  broader: readonly string[];
  related: readonly string[];
}

interface Thesaurus {
  groups: Group[];
  byForm: Map<string, Group[]>;
  /** Longest first, so that 再生可能エネルギー is recognised before エネルギー. */
  forms: string[];
  /** A form occurs in text unless it is part of a longer Latin word ("ai" in "maintain"). */
  patterns: Map<string, RegExp>;
  topicTokens: Map<string, Set<string>>;
  /** Changes whenever what a document holds for the same profile would change. */
  version: string;
}

/**
 * How a profile becomes its search document; raise it whenever `searchDocumentFor` changes, so
 * that stored documents are made again (src/services/search-index.ts). 2: one position per field
 * a token is in; short plurals (VCs) also stored singular. 3: concept tokens; a Latin form also
 * occurs in its plural (startups).
 */
const DOCUMENT_FORMAT = 3;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a form occurs: a Latin edge is a word's edge ("ai" is not in "maintain"), and a Latin
 * ending may take a plural (startups, supply chains); a Japanese edge may touch anything (ESG投資).
 */
function formPattern(form: string): RegExp {
  const before = /^[a-z0-9]/.test(form) ? '(?<![a-z0-9])' : '';
  const after = /[a-z]$/.test(form) ? '(?:s|es)?(?![a-z0-9])' : /[0-9]$/.test(form) ? '(?![a-z0-9])' : '';
  return new RegExp(`${before}${escapeRegExp(form)}${after}`, 'u');
}

/** The thesaurus from synonym groups, plus one group per topic holding its labels in both languages. */
function buildThesaurus(synonymGroups: readonly SynonymGroup[]): Thesaurus {
  const described = [
    ...synonymGroups.map((group) => ({
      topic: group.topic,
      forms: group.forms.map(normalise),
      broader: group.broader ?? [],
      related: group.related ?? [],
    })),
    ...POLICY_TOPICS.map((topic) => ({ topic: topic.key, forms: [normalise(topic.ja), normalise(topic.en)], broader: [], related: [] })),
  ];
  // `~` and the first form (and its place among groups with the same first form): no text makes it.
  const seen = new Map<string, number>();
  const groups: Group[] = described.map((group) => {
    const first = group.forms[0] ?? '';
    const count = seen.get(first) ?? 0;
    seen.set(first, count + 1);
    return { ...group, token: `~${first}${count > 0 ? `#${count}` : ''}` };
  });
  const byForm = new Map<string, Group[]>();
  for (const group of groups) {
    for (const form of group.forms) byForm.set(form, [...(byForm.get(form) ?? []), group]);
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const topicTokens = new Map(
    POLICY_TOPICS.map((topic) => {
      const topicGroups = groups.filter((group) => group.topic === topic.key);
      return [topic.key, new Set([...topicGroups.flatMap((group) => group.forms.flatMap(documentTokens)), ...topicGroups.map((group) => group.token)])];
    }),
  );
  const documentMaking = JSON.stringify([DOCUMENT_FORMAT, groups.map((group) => [group.topic ?? null, group.forms])]);
  return {
    groups,
    byForm,
    forms,
    patterns: new Map(forms.map((form) => [form, formPattern(form)])),
    topicTokens,
    version: createHash('sha256').update(documentMaking).digest('hex').slice(0, 16),
  };
}

let thesaurus = buildThesaurus(SYNONYM_GROUPS);

/**
 * Adds the organizers' own concepts (THESAURUS_FILE, src/services/thesaurus-file.ts) to the
 * built-in thesaurus, for every search and document from now on. Called once at start.
 */
export function useThesaurus(extraGroups: readonly SynonymGroup[]): void {
  thesaurus = buildThesaurus([...SYNONYM_GROUPS, ...extraGroups]);
  FIELD_TOKENS_SEEN.clear();
  QUERIES_SEEN.clear();
}

/** Identifies how documents are made now: stored documents made otherwise are made again. */
export function searchDocumentVersion(): string {
  return thesaurus.version;
}

function occurs(form: string, normalised: string): boolean {
  return normalised.includes(form) && thesaurus.patterns.get(form)!.test(normalised);
}

/**
 * Tokens of profile texts already read, so explaining a result does not tokenise the same profile
 * again on every search (it was a tenth of a search's CPU). First in, first out past the limit.
 */
const FIELD_TOKENS_SEEN = new Map<string, ReadonlySet<string>>();
const FIELD_TOKENS_SEEN_LIMIT = 5_000;

/** The tokens of free text plus those of every synonym of a form it contains. */
export function fieldTokens(text: string | null | undefined): ReadonlySet<string> {
  const key = text ?? '';
  const seen = FIELD_TOKENS_SEEN.get(key);
  if (seen) return seen;
  const tokens = tokensOfText(key);
  if (FIELD_TOKENS_SEEN.size >= FIELD_TOKENS_SEEN_LIMIT) FIELD_TOKENS_SEEN.delete(FIELD_TOKENS_SEEN.keys().next().value!);
  FIELD_TOKENS_SEEN.set(key, tokens);
  return tokens;
}

function tokensOfText(text: string): Set<string> {
  const normalised = normalise(text);
  const tokens = new Set(documentTokens(normalised));
  for (const form of thesaurus.forms) {
    if (!occurs(form, normalised)) continue;
    for (const group of thesaurus.byForm.get(form)!) {
      tokens.add(group.token);
      for (const synonym of group.forms) for (const token of documentTokens(synonym)) tokens.add(token);
    }
  }
  return tokens;
}

/** What a member is found by as a topic: its labels in both languages and its synonyms. */
export function topicTokens(key: string): Set<string> {
  return thesaurus.topicTokens.get(key) ?? new Set(documentTokens(normalise(key)));
}

/** The profile fields search reads, from a member row or a profile being saved. */
export interface SearchableProfile {
  topics?: readonly string[] | null;
  helpText?: string | null;
  organisation?: string | null;
  title?: string | null;
  formerDivisions?: string | null;
}

const quote = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/** tsvector positions stop here. */
const MAX_POSITION = 16383;

/**
 * The member's `search_document`, as a tsvector literal. Weights rank a topic above help text,
 * help text above title and organisation, those above former divisions. A token gets a position in
 * each field that holds it, so a member who chose a topic and also wrote about it ranks above one
 * who only chose it (`ts_rank` adds up positions). An empty profile (or an erased one) gives the
 * empty document.
 */
export function searchDocumentFor(profile: SearchableProfile): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (tokens: Iterable<string>, weight: string) => {
    const inField = new Set(tokens);
    for (const token of inField) {
      position = Math.min(position + 1, MAX_POSITION);
      const seen = positions.get(token);
      if (!seen) positions.set(token, [`${position}${weight}`]);
      else if (!seen.some((at) => at.endsWith(weight))) seen.push(`${position}${weight}`);
    }
  };
  add((profile.topics ?? []).flatMap((topic) => [...topicTokens(topic)]), 'A');
  add(fieldTokens(profile.helpText), 'B');
  add([...fieldTokens(profile.title), ...fieldTokens(profile.organisation)], 'C');
  add(fieldTokens(profile.formerDivisions), 'D');
  return [...positions].map(([token, at]) => `${quote(token)}:${at.join(',')}`).join(' ');
}

/** One word or phrase of a query, with the alternatives (synonyms, translations) that also find it. */
export interface QueryTerm {
  text: string;
  /** What finds it: a concept's tokens, or the term's own. */
  clauses: Clause[];
  /** The term's own tokens, for telling how close a topic is (suggestions), concept or not. */
  literal: Clause;
  /** Topics broader than what the term names (経済連携協定 → trade): found after direct matches. */
  broaderTopics: string[];
  /** A concept the thesaurus knows (a synonym group or a topic's label), not just a word. */
  known: boolean;
  /** Topics the thesaurus relates to what the term names (suggested beside the results). */
  relatedTopics: string[];
}

const groupsOf = (term: string) => thesaurus.byForm.get(term) ?? thesaurus.byForm.get(stem(term)) ?? [];

/** Splits a chunk of Japanese at the known forms it contains: 再エネ系統 → 再エネ, 系統. */
function splitAtForms(chunk: string): string[] {
  if (thesaurus.byForm.has(chunk)) return [chunk];
  const form = thesaurus.forms.find((candidate) => occurs(candidate, chunk));
  if (!form) return [chunk];
  const at = chunk.indexOf(form);
  const rest = [chunk.slice(0, at), chunk.slice(at + form.length)].map((part) => part.trim());
  // Leftover particles (の, と) would match almost everyone.
  const keep = (part: string) => part !== '' && !/^[\p{Script=Hiragana}\s・、]+$/u.test(part);
  return [...(keep(rest[0]!) ? splitAtForms(rest[0]!) : []), form, ...(keep(rest[1]!) ? splitAtForms(rest[1]!) : [])];
}

/**
 * What finds a term: a concept the thesaurus knows by its concept tokens alone (every text holding
 * any of its forms has them), other text by its own tokens.
 */
function expansions(term: string): Clause[] {
  const groups = groupsOf(term);
  if (groups.length > 0) return [...new Set(groups.map((group) => group.token))].map((token) => [{ token, prefix: false }]);
  const texts = new Set([term]);
  const clauses = new Map<string, Clause>();
  for (const text of texts) {
    const clause = queryClause(text);
    if (clause.length > 0) clauses.set(JSON.stringify(clause), clause);
  }
  return [...clauses.values()];
}

/**
 * How people phrase a question around what they look for, in both languages: removed from a query
 * before it is split, so that a whole message ("輸出管理に詳しいOBの方、どなたかご存じですか？",
 * "Does anyone know someone with experience in export control?") searches for its subject only.
 * Normalised forms (NFKC, lower case); longer phrases first.
 */
const QUESTION_PHRASES = [
  'いらっしゃいませんか', 'いらっしゃいますか', 'おられませんか', 'おられますか', 'いませんでしょうか', 'いませんか', 'いますか',
  'ご存じありませんか', 'ご存知ありませんか', 'ご存じないですか', 'ご存知ないですか', 'ご存じですか', 'ご存知ですか', 'ご存じの方', 'ご存知の方',
  '教えていただけませんか', '教えていただけますか', '教えてください', '教えてほしいです', '教えてほしい', '教えて下さい',
  '紹介していただけませんか', '紹介してください', '紹介してほしい', 'お話を伺いたい', 'お話を聞きたい', '話を聞きたい', '相談したい', '相談できる方',
  'を探しています', '探しています', 'を探している', '知りたいです', '知りたい', 'お願いします', 'お願いいたします',
  'に詳しいobの方', 'に詳しいogの方', 'に詳しいob・ogの方', 'に詳しいob/ogの方', 'に詳しい方', 'に詳しい人', 'にお詳しい方', 'に詳しい',
  'の経験がある方', '経験のある方', 'の知見がある方', '知見のある方', 'について', 'に関して', 'に関する', 'どなたか', 'どなた', '誰か',
  'obの方', 'ogの方', 'ob・og', 'ob/og',
].sort((a, b) => b.length - a.length);

/** Words that only phrase an English question ("who knows about…"): not searched for. */
const QUESTION_WORDS = new Set([
  'who', 'whom', 'whose', 'what', 'which', 'where', 'when', 'how', 'does', 'do', 'did', 'is', 'are', 'was', 'were', 'be', 'been',
  'anyone', 'anybody', 'someone', 'somebody', 'everyone', 'person', 'people', 'know', 'knows', 'knew', 'knowing', 'knowledge',
  'knowledgeable', 'familiar', 'looking', 'look', 'find', 'finding', 'search', 'searching', 'need', 'needs', 'want', 'wants',
  'expert', 'experts', 'expertise', 'experience', 'experienced', 'about', 'regarding', 'into', 'help', 'me', 'my', 'i', 'we', 'us',
  'our', 'you', 'your', 'there', 'any', 'some', 'can', 'could', 'would', 'should', 'please', 'tell', 'talk', 'speak', 'ask',
  'advice', 'understand', 'understanding', 'learn', 'this', 'that', 'these', 'those', 'it', 'its', 'has', 'have', 'had', 'get',
  'alumni', 'alumnus', 'alumna', 'ob', 'og', 'former', 'colleague', 'colleagues', 'thanks', 'thank', 'hi', 'hello',
]);

/** A particle joining two subjects in a Japanese phrase (輸出管理と経済安全保障, スタートアップの資金調達). */
const JOINING_PARTICLE = new RegExp(`(?<=[^\\p{Script=Hiragana}\\s])(?:および|または|と|や|の|に|を|が|は|で|も)(?=[^\\p{Script=Hiragana}\\s])`, 'gu');

/** What is left of phrasing: a particle alone (は), a letter cut off by an apostrophe (i'm, japan's). */
const LEFTOVER = /^(?:\p{Script=Hiragana}{1,2}|[a-z])$/u;

/** The subject of a query: question phrasing, joining particles and punctuation set apart. */
function subjectOf(normalised: string): string {
  let text = normalised;
  for (const phrase of QUESTION_PHRASES) text = text.split(phrase).join(' ');
  return text.replace(JOINING_PARTICLE, ' ');
}

/**
 * Queries already parsed: staff often ask the same few things, and parsing one (every thesaurus
 * form tried against it) was a tenth of a search's CPU once queries were built once. First in,
 * first out past the limit; the terms are shared, so nobody may change them.
 */
const QUERIES_SEEN = new Map<string, readonly QueryTerm[]>();
const QUERIES_SEEN_LIMIT = 1_000;

/**
 * A query as terms; multi-word synonyms ("supply chain") stay one term. Question phrasing and
 * function words are dropped (a sentence searches for its subject).
 */
export function parseQuery(query: string): readonly QueryTerm[] {
  const seen = QUERIES_SEEN.get(query);
  if (seen) return seen;
  const terms = Object.freeze(termsOf(query));
  if (QUERIES_SEEN.size >= QUERIES_SEEN_LIMIT) QUERIES_SEEN.delete(QUERIES_SEEN.keys().next().value!);
  QUERIES_SEEN.set(query, terms);
  return terms;
}

function termsOf(query: string): QueryTerm[] {
  let rest = subjectOf(normalise(query).slice(0, 200));
  const phrases: string[] = [];
  for (const form of thesaurus.forms) {
    if (form.includes(' ') && occurs(form, rest)) {
      phrases.push(form);
      rest = rest.replace(form, ' ');
    }
  }
  const chunks = rest
    .split(/[\s,、・/。.?!？！「」『』()（）:：;；"'“”‘’]+/u)
    .filter((chunk) => chunk !== '' && !QUESTION_WORDS.has(chunk) && !LEFTOVER.test(chunk));
  // A chunk holding Japanese is split at the forms it contains, also after a Latin word (ESG投資 is
  // ESG and 投資); a known form across both scripts (生成AI) stays whole.
  const texts = [...phrases, ...chunks.flatMap((chunk) => (HAS_JAPANESE.test(chunk) ? splitAtForms(chunk) : [chunk]))];
  const terms = new Map<string, QueryTerm>();
  for (const text of texts) {
    const clauses = expansions(text);
    const groups = groupsOf(text);
    const broaderTopics = [...new Set(groups.flatMap((group) => group.broader))];
    const relatedTopics = [...new Set(groups.flatMap((group) => group.related))];
    if (clauses.length > 0) terms.set(text, { text, clauses, literal: queryClause(text), broaderTopics, known: groups.length > 0, relatedTopics });
  }
  return [...terms.values()];
}

/**
 * The query as a tsquery literal: over terms (all of them, or `any` one), of (OR over alternatives
 * of (AND of atoms)).
 */
export function toTsquery(terms: readonly QueryTerm[], match: 'all' | 'any' = 'all'): string {
  const atom = (a: Atom) => `${quote(a.token)}${a.prefix ? ':*' : ''}`;
  const clause = (c: Clause) => `(${c.map(atom).join(' & ')})`;
  return terms.map((term) => `(${term.clauses.map(clause).join(' | ')})`).join(match === 'all' ? ' & ' : ' | ');
}

function atomMatches(atom: Atom, tokens: ReadonlySet<string>): boolean {
  if (!atom.prefix) return tokens.has(atom.token);
  for (const token of tokens) if (token.startsWith(atom.token)) return true;
  return false;
}

/** Whether a set of document tokens satisfies a term, exactly as the database decides. */
export function termMatches(term: QueryTerm, tokens: ReadonlySet<string>): boolean {
  return term.clauses.some((clause) => clause.every((atom) => atomMatches(atom, tokens)));
}

/** How much of a term a set of tokens holds: 1 when it matches, else the best share of a clause. */
export function termOverlap(term: QueryTerm, tokens: ReadonlySet<string>): number {
  return Math.max(
    ...[...term.clauses, term.literal]
      .filter((clause) => clause.length > 0)
      .map((clause) => clause.filter((atom) => atomMatches(atom, tokens)).length / clause.length),
  );
}
