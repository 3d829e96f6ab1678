import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SynonymGroup } from './synonyms';
import { normalise, useThesaurus } from './search-text';
import { TOPIC_KEYS, type TopicKey } from './taxonomy';

/** A file organizers can edit without a code change: see README, "Adding synonyms and concepts". */
export class ThesaurusFileError extends Error {
  override readonly name = 'ThesaurusFileError';
}

const MAX_CONCEPTS = 2_000;
const topicKey = z.string().refine((key) => (TOPIC_KEYS as readonly string[]).includes(key), {
  message: `is not a topic key (one of: ${TOPIC_KEYS.join(', ')})`,
});
const form = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(60, 'is longer than 60 characters')
  .refine((text) => /[\p{L}\p{N}]/u.test(normalise(text)), { message: 'has no letter or digit' });
const concept = z
  .object({
    forms: z.array(form).min(1, 'needs at least one form').max(30, 'has more than 30 forms'),
    topic: topicKey.optional(),
    broader: z.array(topicKey).max(5).optional(),
    related: z.array(topicKey).max(10).optional(),
  })
  .strict();
const thesaurusFile = z
  .object({
    concepts: z
      .array(concept, { error: 'must be a list: the file holds {"concepts": [ … ]}' })
      .max(MAX_CONCEPTS, `has more than ${MAX_CONCEPTS} concepts`),
  })
  .strict();

/**
 * The concepts of a thesaurus file's text, or a ThesaurusFileError naming the file, the place and
 * what is wrong (`concepts[3].broader[0] is not a topic key …`).
 */
export function parseThesaurusFile(text: string, fileName: string): SynonymGroup[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ThesaurusFileError(`THESAURUS_FILE ${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const result = thesaurusFile.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), '');
    throw new ThesaurusFileError(`THESAURUS_FILE ${fileName}: ${where || 'the file'} ${issue.message}`);
  }
  return result.data.concepts.map((entry) => ({
    forms: entry.forms,
    ...(entry.topic ? { topic: entry.topic as TopicKey } : {}),
    ...(entry.broader ? { broader: entry.broader as TopicKey[] } : {}),
    ...(entry.related ? { related: entry.related as TopicKey[] } : {}),
  }));
}

/** Reads THESAURUS_FILE, if set, and adds its concepts to the thesaurus; fails readably. */
export async function applyThesaurusFile(path: string | undefined): Promise<number> {
  if (!path) return 0;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ThesaurusFileError(`THESAURUS_FILE ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const concepts = parseThesaurusFile(text, path);
  useThesaurus(concepts);
  return concepts.length;
}
