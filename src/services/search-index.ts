import { createSearchIndexRepository } from '../db/repositories/search-index';
import type { ServiceDeps } from './deps';
import { searchDocumentFor, searchDocumentVersion } from './search-text';

/** Members whose documents one short transaction remakes (their rows locked meanwhile). */
const BATCH = 200;
/** How long a claim lasts: another instance takes over the remaking if this one died. */
const CLAIM_MS = 10 * 60_000;

/**
 * Remakes every member's search document when the stored ones were made by another thesaurus or
 * another way of making them (organizers edited THESAURUS_FILE, or a release changed the
 * documents); nothing otherwise. Runs in the background at start, in whichever instance claims it;
 * until it ends, search uses the documents as they were. Each batch locks its members' rows, so a
 * profile saved meanwhile keeps the document its save made.
 */
export async function refreshSearchDocuments(deps: ServiceDeps): Promise<{ remade: number } | undefined> {
  const version = searchDocumentVersion();
  const now = deps.clock();
  const claimed = await createSearchIndexRepository({ db: deps.db }).claim(version, {
    now,
    until: new Date(now.getTime() + CLAIM_MS),
  });
  if (!claimed) return undefined;
  let after: string | undefined;
  let remade = 0;
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      const repository = createSearchIndexRepository({ db: tx });
      const profiles = await repository.profilesAfter(after, BATCH);
      await repository.setDocuments(profiles.map((profile) => ({ id: profile.id, document: searchDocumentFor(profile) })));
      return profiles;
    });
    if (batch.length === 0) break;
    remade += batch.length;
    after = batch.at(-1)!.id;
  }
  await createSearchIndexRepository({ db: deps.db }).finish(version);
  return { remade };
}
