import type { MigrationLevel, TableSummary } from '../db/repositories/backups';
import { BackupError } from './backup-connection';

/**
 * A backup is one plain-SQL file: a header line (JSON: the migration level, each table's rows and
 * checksum) and the data as pg_dump writes it with `--data-only --inserts`, from either database.
 * The schema is not in it: restore makes it from our own migrations, so what one Postgres major
 * writes in DDL and the other rejects never matters.
 */
export const BACKUP_FORMAT = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  takenAt: string;
  source: 'pglite' | 'postgres';
  /** pg_dump's own line, e.g. "pg_dump version 18.3". */
  dumpedBy: string;
  /**
   * How the dump quotes backslashes in values: 'off' doubles them (what we ask of the embedded
   * database's pg_dump, see backup.ts). Absent in older files, which were all 'on'.
   */
  standardStrings?: 'on' | 'off';
  migrations: MigrationLevel;
  tables: Record<string, TableSummary>;
}

const TITLE = '-- Kakehashi backup: restore with `npm run cli -- restore FILE` (see README)';
const MARK = '-- kakehashi-backup: ';
const DATA_START = '\n--\n-- Data for Name: ';
const DUMP_END = '\n--\n-- PostgreSQL database dump complete';

export function composeBackup(header: BackupHeader, data: string): string {
  return `${TITLE}\n${MARK}${JSON.stringify(header)}\n\n${data}`;
}

/**
 * The dump's data statements only: its preamble (session settings one major has and the other
 * refuses, such as transaction_timeout; psql's \restrict line) and its closing lines are left out.
 * Restore sets what the data needs itself (UTF-8, the header's standard strings, an empty search path).
 */
export function dataOfDump(dump: string): { data: string; dumpedBy: string; standardStrings: 'on' | 'off' } {
  const end = dump.lastIndexOf(DUMP_END);
  if (end < 0) throw new BackupError('pg_dump did not finish its output (no "dump complete" line)');
  const start = dump.indexOf(DATA_START);
  const data = start < 0 || start > end ? '' : `${dump.slice(start + 1, end)}\n`;
  const dumpedBy = /^-- Dumped by (pg_dump version [^\n]+)$/m.exec(dump)?.[1] ?? 'pg_dump';
  // pg_dump's preamble says how its values quote backslashes; restore must read them the same way.
  const standardStrings = /^SET standard_conforming_strings = off;$/m.test(dump.slice(0, start < 0 ? end : start)) ? 'off' : 'on';
  return { data, dumpedBy, standardStrings };
}

export function parseBackup(text: string): { header: BackupHeader; data: string } {
  const lines = text.split('\n', 3);
  const line = lines[1] ?? '';
  if (lines[0] !== TITLE || !line.startsWith(MARK)) {
    throw new BackupError('This is not a Kakehashi backup (its first lines are not the backup header)');
  }
  let header: BackupHeader;
  try {
    header = JSON.parse(line.slice(MARK.length)) as BackupHeader;
  } catch {
    throw new BackupError('The backup header is damaged (not JSON)');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError(`Unknown backup format ${String(header.format)}; this Kakehashi reads format ${BACKUP_FORMAT}`);
  return { header, data: text.slice(lines[0].length + line.length + 2) };
}

/**
 * The name of a daily backup, the only files pruning removes: one taken on demand
 * (`kakehashi-2026-12-02T091500Z.sql`) is the operator's to keep or delete, and does not count
 * towards BACKUP_KEEP.
 */
export const DAILY_BACKUP_PATTERN = /^kakehashi-\d{4}-\d{2}-\d{2}\.sql$/;

/** `kakehashi-2026-12-02.sql` for a day's backup, with the time (UTC) for one taken on demand. */
export function backupFileName(input: { day: string } | { at: Date }): string {
  if ('day' in input) return `kakehashi-${input.day}.sql`;
  const stamp = input.at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `kakehashi-${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}${stamp.slice(8)}.sql`;
}
