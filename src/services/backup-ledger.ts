import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The erasure ledger: which members erased their data and when (member UUIDs and dates only, no
 * personal data), one JSON object a line in BACKUP_DIR/erasures.jsonl. It is appended to on every
 * erasure and rewritten with every backup, so it outlives the database: a restore re-applies every
 * erasure it names that the restored data does not have yet.
 */
export interface ErasureEntry {
  memberId: string;
  erasedAt: string;
}

export const ERASURE_LEDGER_FILE = 'erasures.jsonl';

let ledgerDir: string | undefined;
// Appends and rewrites in this process one at a time: a rewrite must not drop an append.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** Set once at start (bot and CLI) from BACKUP_DIR; without it erasures are noted nowhere else. */
export function useErasureLedger(dir: string | undefined): void {
  ledgerDir = dir;
}

const line = (entry: ErasureEntry) => `${JSON.stringify({ memberId: entry.memberId, erasedAt: entry.erasedAt })}\n`;

/**
 * Notes erasures just committed. A failure to write does not undo them (they are in the database),
 * and the next backup rewrites the ledger from the database's tombstones; it is reported, not thrown.
 */
export async function appendToErasureLedger(entries: ErasureEntry[]): Promise<void> {
  const dir = ledgerDir;
  if (!dir || entries.length === 0) return;
  try {
    await serialised(async () => {
      await mkdir(dir, { recursive: true });
      await appendFile(join(dir, ERASURE_LEDGER_FILE), entries.map(line).join(''));
    });
  } catch (error) {
    process.emitWarning(`Could not note an erasure in the erasure ledger (${(error as Error).message}); the next backup writes it`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ledger's entries, the earliest date per member; a torn or foreign line is skipped. */
export async function readErasureLedger(file: string): Promise<ErasureEntry[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const entries: ErasureEntry[] = [];
  for (const raw of text.split('\n')) {
    try {
      const entry = JSON.parse(raw) as Partial<ErasureEntry>;
      if (typeof entry.memberId === 'string' && UUID.test(entry.memberId) && !Number.isNaN(Date.parse(String(entry.erasedAt)))) {
        entries.push({ memberId: entry.memberId.toLowerCase(), erasedAt: new Date(String(entry.erasedAt)).toISOString() });
      }
    } catch {
      // An empty line, or the last one torn by a crash mid-append.
    }
  }
  return unionOfErasures(entries);
}

export function unionOfErasures(...lists: ErasureEntry[][]): ErasureEntry[] {
  const earliest = new Map<string, string>();
  for (const entry of lists.flat()) {
    const known = earliest.get(entry.memberId);
    if (!known || entry.erasedAt < known) earliest.set(entry.memberId, entry.erasedAt);
  }
  return [...earliest].map(([memberId, erasedAt]) => ({ memberId, erasedAt })).sort((a, b) => a.memberId.localeCompare(b.memberId));
}

/** Rewrites the ledger with its own entries and `more` (a backup's tombstones), atomically. */
export async function rewriteErasureLedger(dir: string, more: ErasureEntry[]): Promise<ErasureEntry[]> {
  const file = join(dir, ERASURE_LEDGER_FILE);
  return serialised(async () => {
    const all = unionOfErasures(await readErasureLedger(file), more);
    await mkdir(dir, { recursive: true });
    await writeFile(`${file}.tmp`, all.map(line).join(''));
    await rename(`${file}.tmp`, file);
    return all;
  });
}
