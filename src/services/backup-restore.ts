import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrationsFolder } from '../db/client';
import { backupQueries, type RawSql } from '../db/repositories/backups';
import { BackupError, type RawConnection } from './backup-connection';
import { parseBackup, type BackupHeader } from './backup-file';
import type { ErasureEntry } from './backup-ledger';
import type { ServiceDeps } from './deps';
import { reapplyErasure } from './privacy';

export interface RestoreResult {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** The database held rows and was replaced (`--replace`). */
  replaced: boolean;
  /** Erased members of the replaced database (tombstones), to re-apply and keep in the ledger. */
  replacedTombstones: ErasureEntry[];
  /** Migrations applied after loading the data: the backup was made by an older Kakehashi. */
  migratedAfter: number;
}

/** The migrations up to the backup's level: the same ones, or the backup is not ours to restore. */
function migrationsOf(header: BackupHeader): { upToBackup: MigrationMeta[]; after: MigrationMeta[] } {
  const all = readMigrationFiles({ migrationsFolder });
  const level = all.filter((migration) => migration.folderMillis <= header.migrations.lastCreatedAt).length;
  const last = all[level - 1];
  if (level !== header.migrations.count || !last || last.folderMillis !== header.migrations.lastCreatedAt) {
    throw new BackupError(
      `The backup was made by a newer or different Kakehashi (its database had ${header.migrations.count} migrations; this one knows ${all.length}): restore it with the version that made it, or a newer one`,
    );
  }
  if (last.hash !== header.migrations.lastHash) {
    throw new BackupError('The backup\'s last migration differs from this Kakehashi\'s migration of the same date: it was made by a different build');
  }
  return { upToBackup: all.slice(0, level), after: all.slice(level) };
}

async function migrate(tx: RawSql, migrations: MigrationMeta[]): Promise<void> {
  const queries = backupQueries(tx);
  await queries.ensureMigrationsTable();
  for (const migration of migrations) {
    for (const statement of migration.sql) if (statement.trim()) await tx.exec(statement);
    await queries.recordMigration(migration.hash, migration.folderMillis);
  }
}

/**
 * Loads a backup into `target` in one transaction: the schema from our migrations up to the
 * backup's level, the data, a check that every table holds exactly the rows backed up (counts and
 * checksums), then the migrations made since. Refuses a database holding rows unless `replace`.
 * Erasures are re-applied afterwards (`reapplyErasures`), through the services.
 */
export async function restoreBackup(input: { text: string; target: RawConnection; replace: boolean }): Promise<RestoreResult> {
  const { header, data } = parseBackup(input.text);
  const { upToBackup, after } = migrationsOf(header);
  const target = backupQueries(input.target);
  const holding = await target.tablesWithRows();
  if (holding.length > 0 && !input.replace) {
    throw new BackupError(
      `The database is not empty (${holding.length} tables hold rows: ${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}); nothing was changed. To replace it with the backup, add --replace`,
    );
  }
  const replacedTombstones = holding.length > 0 ? await target.tombstones() : [];
  await input.target.transaction(async (tx) => {
    const queries = backupQueries(tx);
    await queries.dropEverything();
    await tx.exec("set local search_path to public");
    await migrate(tx, upToBackup);
    // What pg_dump's own preamble would set (left out of the file: see backup-file.ts).
    const strings = header.standardStrings === 'off' ? 'off' : 'on';
    await tx.exec(`set local client_encoding = 'UTF8'; set local standard_conforming_strings = ${strings}; set local escape_string_warning = off; set local search_path to ''`);
    await tx.exec(data);
    await tx.exec('set local search_path to public');
    await queries.pinSessionFormats(true);
    const restored = await queries.summaries(Object.keys(header.tables));
    for (const [table, expected] of Object.entries(header.tables)) {
      const got = restored[table];
      if (got?.rows !== expected.rows || got.checksum !== expected.checksum) {
        throw new BackupError(
          `Table ${table} did not restore identically (${got?.rows ?? 0} rows, backed up ${expected.rows}): the file is damaged; nothing was changed`,
        );
      }
    }
    await migrate(tx, after);
  });
  const rows = Object.values(header.tables).reduce((sum, table) => sum + table.rows, 0);
  return { header, tables: Object.keys(header.tables).length, rows, replaced: holding.length > 0, replacedTombstones, migratedAfter: after.length };
}

/**
 * Re-applies every erasure the restored data lacks (from the ledger and the replaced database's
 * tombstones), each as the member's own erasure did it, Slack side effects recorded in the outbox.
 */
export async function reapplyErasures(
  deps: ServiceDeps,
  entries: ErasureEntry[],
): Promise<{ reapplied: string[]; deliveryIds: string[] }> {
  const reapplied: string[] = [];
  const deliveryIds: string[] = [];
  for (const entry of entries) {
    const erasure = await reapplyErasure(deps, { memberId: entry.memberId, erasedAt: new Date(entry.erasedAt), reason: 'restore' });
    if (!erasure) continue;
    reapplied.push(entry.memberId);
    deliveryIds.push(...erasure.withdrawn.deliveryIds, ...erasure.cardDeliveryIds);
  }
  return { reapplied, deliveryIds };
}
