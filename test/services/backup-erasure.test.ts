import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import * as schema from '../../src/db/schema';
import { copyOfRunningPglite, takeBackup } from '../../src/services/backup';
import { pgliteOf } from '../../src/services/backup-connection';
import { ERASURE_LEDGER_FILE, readErasureLedger, useErasureLedger } from '../../src/services/backup-ledger';
import { reapplyErasuresAtStart } from '../../src/jobs/backup';
import type { ListenerDeps } from '../../src/listeners';
import { restoreWithErasures } from '../../src/services/backup-recovery';
import type { ServiceDeps } from '../../src/services/deps';
import { eraseOwnData } from '../../src/services/privacy';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { NOW, seedNetwork, tracesOf, withEmptyTarget, type Seeded } from './backup-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;
let seeded: Seeded;
let ledgerDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  seeded = await seedNetwork(deps);
  ledgerDir = await mkdtemp(join(tmpdir(), 'kakehashi-ledger-'));
  useErasureLedger(ledgerDir);
});
afterEach(async () => {
  useErasureLedger(undefined);
  await rm(ledgerDir, { recursive: true, force: true });
});

async function backupText(): Promise<string> {
  const pg = pgliteOf(database);
  if (!pg) return (await takeBackup({ postgresUrl: database.url! }, NOW)).text;
  const copy = await copyOfRunningPglite(pg);
  try {
    return (await takeBackup({ pglite: copy }, NOW)).text;
  } finally {
    await copy.close();
  }
}

describe('erasure outlives restores', { timeout: 90_000 }, () => {
  it('a member erased after the backup is erased again when it is restored: nothing of theirs in any table, Slack told as erasure does', async () => {
    const text = await backupText();
    expect(text).toContain(seeded.hanako.email!);
    await eraseOwnData(deps, seeded.hanako.slackUserId!);
    expect(await tracesOf(database.db, seeded.hanako)).toEqual([]);
    // The ledger beside the backups names her (her ID and when; nothing personal).
    const ledger = await readErasureLedger(join(ledgerDir, ERASURE_LEDGER_FILE));
    expect(ledger).toEqual([{ memberId: seeded.hanako.id, erasedAt: NOW.toISOString() }]);

    await withEmptyTarget(database, deps, async (raw, servicesOn) => {
      const recovery = await restoreWithErasures({ text, target: raw, replace: false, servicesOn, ledger, ledgerDir });
      expect(recovery.reapplied).toEqual([seeded.hanako.id]);
      const restored = await servicesOn();
      expect(await tracesOf(restored.db, seeded.hanako)).toEqual([]);
      const repos = createRepositories(restored.db);
      expect(await repos.members.findById(seeded.hanako.id)).toMatchObject({ status: 'erased', name: null, email: null, erasedAt: NOW });
      // Kenji is untouched.
      expect(await repos.members.findById(seeded.kenji.id)).toMatchObject({ status: 'active', name: 'Kenji Tanaka' });
      // Her place at the event and her registration card: the outbox holds what Slack must hear.
      const keys = (await restored.db.select().from(schema.deliveries)).filter((row) => recovery.deliveryIds.includes(row.id)).map((row) => row.key);
      expect(keys).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^event\\.refresh:${seeded.eventId}:`)), expect.stringMatching(/^registration\.approval_refresh:/)]));
      expect(recovery.deliveryIds.length).toBe(keys.length);
      const audit = await repos.audit.listForMember(seeded.hanako.id);
      expect(audit.at(-1)).toMatchObject({ action: 'member.erasure_reapplied', actor: null, details: { reason: 'restore', erasedAt: NOW.toISOString() } });
    });
  });

  it('without the ledger, the replaced database\'s own tombstones re-apply the erasure, and are kept in the ledger', async () => {
    const text = await backupText();
    await withEmptyTarget(database, deps, async (raw, servicesOn) => {
      await restoreWithErasures({ text, target: raw, replace: false, servicesOn, ledger: [], ledgerDir: undefined });
      const live = await servicesOn();
      await eraseOwnData({ ...live, clock: () => NOW }, seeded.hanako.slackUserId!);
      await rm(join(ledgerDir, ERASURE_LEDGER_FILE), { force: true });

      await expect(restoreWithErasures({ text, target: raw, replace: false, servicesOn, ledger: [], ledgerDir })).rejects.toThrow(/not empty/);
      const recovery = await restoreWithErasures({ text, target: raw, replace: true, servicesOn, ledger: [], ledgerDir });
      expect(recovery.replacedTombstones).toEqual([{ memberId: seeded.hanako.id, erasedAt: NOW.toISOString() }]);
      expect(recovery.reapplied).toEqual([seeded.hanako.id]);
      expect(await tracesOf((await servicesOn()).db, seeded.hanako)).toEqual([]);
      expect(await readErasureLedger(join(ledgerDir, ERASURE_LEDGER_FILE))).toEqual(recovery.replacedTombstones);
    });
  });

  it('a restore whose erasure step failed leaves the member erased once the bot starts, Slack told; a start with nothing to do changes nothing', async () => {
    const text = await backupText();
    await eraseOwnData(deps, seeded.hanako.slackUserId!);
    const ledger = await readErasureLedger(join(ledgerDir, ERASURE_LEDGER_FILE));
    await withEmptyTarget(database, deps, async (raw, servicesOn) => {
      // The restore commits, then its second step fails (the database went away, the process died).
      const failing = async (): Promise<ServiceDeps> => {
        const live = await servicesOn();
        return { ...live, db: { ...live.db, transaction: () => Promise.reject(new Error('connection lost')) } as unknown as ServiceDeps['db'] };
      };
      await expect(restoreWithErasures({ text, target: raw, replace: false, servicesOn: failing, ledger, ledgerDir })).rejects.toThrow(/^The backup was restored, but applying the erasures again failed \(connection lost\): start the bot/);
      const restored = await servicesOn();
      expect(await tracesOf(restored.db, seeded.hanako)).not.toEqual([]);

      // The bot's start, before it serves anyone.
      const logged: string[] = [];
      const logger = { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line) } as unknown as ListenerDeps['logger'];
      const deliveryIds = await reapplyErasuresAtStart({ services: restored, logger }, ledgerDir);
      expect(await tracesOf(restored.db, seeded.hanako)).toEqual([]);
      const repos = createRepositories(restored.db);
      expect(await repos.members.findById(seeded.hanako.id)).toMatchObject({ status: 'erased', erasedAt: NOW });
      expect(await repos.members.findById(seeded.kenji.id)).toMatchObject({ status: 'active', name: 'Kenji Tanaka' });
      const outbox = await restored.db.select().from(schema.deliveries);
      expect(outbox.filter((row) => deliveryIds.includes(row.id)).map((row) => row.key)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^registration\.approval_refresh:/)]),
      );
      expect(logged).toEqual([expect.stringContaining(`1 of 1 erasures in the erasure ledger were missing from the database (a restore) and were applied again`)]);
      expect(logged[0]).toContain(seeded.hanako.id);

      // The next start: nothing missing, nothing changed.
      const auditBefore = await repos.audit.listForMember(seeded.hanako.id);
      expect(await reapplyErasuresAtStart({ services: restored, logger }, ledgerDir)).toEqual([]);
      expect(await repos.audit.listForMember(seeded.hanako.id)).toEqual(auditBefore);
      expect(await restored.db.select().from(schema.deliveries)).toHaveLength(outbox.length);
      expect(logged.at(-1)).toBe('All 1 erasures in the erasure ledger are in the database');
    });
  });
});
