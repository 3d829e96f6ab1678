import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, consentEvents, members } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import { parseMemberCsv } from '../../src/services/member-csv';
import { exportMembers, importMembers } from '../../src/services/member-import';
import { previewImport } from '../../src/services/member-import-preview';
import type { SlackUserRecord } from '../../src/services/slack-accounts';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { CURRENT_YEAR, csvFile, type CsvCells } from './member-csv-fixtures';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let now: Date;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => now, staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  now = new Date('2025-03-01T09:00:00Z');
});

const HANAKO: CsvCells = {};
const TARO: CsvCells = {
  email: 'taro@meti.go.jp',
  name: 'Taro Yamada',
  member_type: 'staff',
  year_joined: '2010',
  year_left: '',
  share_with_staff: '',
  share_with_alumni: '',
  locale: 'en',
};

const rowsOf = (...cells: CsvCells[]) => parseMemberCsv(csvFile(cells), { currentYear: CURRENT_YEAR });
const repos = () => createRepositories(database.db);
const memberByEmail = async (email: string) => (await repos().members.findByEmail(email))!;

/** Every row a re-import could touch, in a stable order. */
async function snapshot() {
  const db = database.db;
  return {
    members: await db.select().from(members).orderBy(asc(members.pseudonym)),
    consentEvents: await db.select().from(consentEvents).orderBy(asc(consentEvents.id)),
    auditEvents: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)),
  };
}


/** What Slack says of a user found by email (users.lookupByEmail), as the bot records it. */
const slackUser = (slackUserId: string, accountStanding: SlackUserRecord['accountStanding'] = 'member'): SlackUserRecord => ({
  slackUserId,
  accountStanding,
  email: null,
  realName: null,
  slackLocale: null,
  tz: null,
});

describe('importing members', () => {
  it('creates active members with a pseudonym, confirmed now, with the consents given recorded', async () => {
    const summary = await importMembers(deps, rowsOf(HANAKO, TARO));

    expect(summary).toEqual({ created: 2, updated: 0, unchanged: 0, linked: 0 });
    const hanako = await memberByEmail('hanako.sato@example.jp');
    expect(hanako).toMatchObject({
      status: 'active',
      memberType: 'alumni',
      name: '佐藤 花子',
      topics: ['energy_gx', 'semiconductors'],
      helpKinds: ['talks', 'mentoring'],
      monthlyCapacity: 2,
      shareWithStaff: true,
      shareWithAlumni: false,
      coiDeclared: false,
      coiDescription: null,
      consentTextVersion: 'v1',
      consentRecordedAt: now,
      profileConfirmedAt: now,
      slackUserId: null,
      locale: 'ja',
    });
    expect(hanako.pseudonym).toMatch(/^M-[0-9A-F]{8}$/);
    const events = await repos().members.listConsentEvents(hanako.id);
    expect(events.map(({ audience, granted, textVersion }) => ({ audience, granted, textVersion }))).toEqual(
      expect.arrayContaining([
        { audience: 'staff', granted: true, textVersion: 'v1' },
        { audience: 'alumni', granted: false, textVersion: 'v1' },
      ]),
    );
    expect(await repos().audit.listForMember(hanako.id)).toMatchObject([
      { actor: 'cli:import', action: 'member.imported', occurredAt: now },
    ]);
  });

  it('leaves consents that were never answered as null, shown to nobody, with no consent recorded', async () => {
    await importMembers(deps, rowsOf(TARO));

    const taro = await memberByEmail('taro@meti.go.jp');
    expect(taro).toMatchObject({ shareWithStaff: null, shareWithAlumni: null, consentTextVersion: null, consentRecordedAt: null });
    expect(await repos().members.listConsentEvents(taro.id)).toEqual([]);
  });

  it('stores a declared conflict of interest', async () => {
    await importMembers(deps, rowsOf({ coi: 'Advises Acme on GX' }));

    expect(await memberByEmail('hanako.sato@example.jp')).toMatchObject({ coiDeclared: true, coiDescription: 'Advises Acme on GX' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const lookup = async (email: string) => (email === 'taro@meti.go.jp' ? slackUser('U0TARO') : null);
    await importMembers(deps, rowsOf(HANAKO, TARO), { lookupSlackUserByEmail: lookup });
    const before = await snapshot();

    now = new Date('2025-03-02T09:00:00Z');
    const summary = await importMembers(deps, rowsOf(HANAKO, TARO), { lookupSlackUserByEmail: lookup });

    expect(summary).toEqual({ created: 0, updated: 0, unchanged: 2, linked: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('updates only the fields that differ, records which, and records only the consent that changed', async () => {
    await importMembers(deps, rowsOf(HANAKO, TARO));
    const taroBefore = await memberByEmail('taro@meti.go.jp');
    const hanakoBefore = await memberByEmail('hanako.sato@example.jp');

    now = new Date('2025-03-02T09:00:00Z');
    const summary = await importMembers(deps, rowsOf({ title: 'Senior Partner', share_with_alumni: 'yes' }, TARO));

    expect(summary).toEqual({ created: 0, updated: 1, unchanged: 1, linked: 0 });
    expect(await memberByEmail('taro@meti.go.jp')).toEqual(taroBefore);
    const hanako = await memberByEmail('hanako.sato@example.jp');
    expect(hanako).toEqual({
      ...hanakoBefore,
      title: 'Senior Partner',
      shareWithAlumni: true,
      consentRecordedAt: now,
      updatedAt: expect.any(Date),
    });
    const events = await repos().members.listConsentEvents(hanako.id);
    expect(events.filter((event) => event.recordedAt.getTime() === now.getTime())).toMatchObject([
      { audience: 'alumni', granted: true },
    ]);
    expect((await repos().audit.listForMember(hanako.id)).at(-1)).toMatchObject({
      action: 'member.import_updated',
      details: { fields: ['title', 'shareWithAlumni'] },
      occurredAt: now,
    });
  });

  it('records a cleared consent as not granted', async () => {
    await importMembers(deps, rowsOf(HANAKO));
    now = new Date('2025-03-02T09:00:00Z');
    await importMembers(deps, rowsOf({ share_with_staff: '' }));

    const hanako = await memberByEmail('hanako.sato@example.jp');
    expect(hanako.shareWithStaff).toBeNull();
    expect((await repos().members.listConsentEvents(hanako.id)).at(-1)).toMatchObject({ audience: 'staff', granted: false });
  });

  it('keeps the status of an existing member: a declined applicant stays declined', async () => {
    await repos().members.insert({ pseudonym: 'M-DECLINED', email: 'hanako.sato@example.jp', memberType: 'alumni', status: 'declined', name: 'H' });

    const summary = await importMembers(deps, rowsOf(HANAKO));

    expect(summary.updated).toBe(1);
    expect(await memberByEmail('hanako.sato@example.jp')).toMatchObject({ status: 'declined', name: '佐藤 花子', pseudonym: 'M-DECLINED' });
  });

  it('treats a member registered through Slack as unchanged when the file shows them as an export does', async () => {
    await repos().members.insert({
      pseudonym: 'M-SLACK',
      slackUserId: 'U0HANAKO',
      email: 'hanako.sato@example.jp',
      name: '佐藤 花子',
      memberType: 'alumni',
      status: 'active',
      locale: 'ja-JP',
      coiDeclared: null,
      topics: ['dx'],
    });
    const before = await snapshot();

    const { csv } = await exportMembers(deps);
    const summary = await importMembers(deps, parseMemberCsv(csv, { currentYear: CURRENT_YEAR }));

    expect(summary).toEqual({ created: 0, updated: 0, unchanged: 1, linked: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when a row fails inside the transaction', async () => {
    const [hanako] = rowsOf(HANAKO);
    const rows = [...rowsOf(TARO), hanako!, { ...hanako!, row: 4 }];

    await expect(importMembers(deps, rows)).rejects.toThrow();

    expect(await snapshot()).toEqual({ members: [], consentEvents: [], auditEvents: [] });
  });
});

describe('linking imported members to Slack', () => {
  it('links by email, asking Slack before anything is written and only about members not linked yet', async () => {
    await repos().members.insert({ pseudonym: 'M-LINKED', slackUserId: 'U0TARO', email: 'taro@meti.go.jp', memberType: 'staff', status: 'active', name: 'Taro Yamada' });
    const asked: { email: string; membersAtTheTime: number }[] = [];
    const lookup = async (email: string) => {
      asked.push({ email, membersAtTheTime: (await database.db.select().from(members)).length });
      return email === 'hanako.sato@example.jp' ? slackUser('U0HANAKO') : null;
    };

    const summary = await importMembers(deps, rowsOf(HANAKO, TARO, { email: 'jiro@example.jp' }), { lookupSlackUserByEmail: lookup });

    expect(asked).toEqual([
      { email: 'hanako.sato@example.jp', membersAtTheTime: 1 },
      { email: 'jiro@example.jp', membersAtTheTime: 1 },
    ]);
    expect(summary).toMatchObject({ created: 2, linked: 1 });
    expect((await memberByEmail('hanako.sato@example.jp')).slackUserId).toBe('U0HANAKO');
    expect((await memberByEmail('jiro@example.jp')).slackUserId).toBeNull();
  });

  it('links an existing member who was not linked yet, and records it', async () => {
    await importMembers(deps, rowsOf(HANAKO));

    const summary = await importMembers(deps, rowsOf(HANAKO), { lookupSlackUserByEmail: async () => slackUser('U0HANAKO') });

    expect(summary).toEqual({ created: 0, updated: 1, unchanged: 0, linked: 1 });
    const hanako = await memberByEmail('hanako.sato@example.jp');
    expect(hanako.slackUserId).toBe('U0HANAKO');
    expect((await repos().audit.listForMember(hanako.id)).at(-1)).toMatchObject({ details: { fields: ['slackUserId'] } });
  });

  it('does not link a Slack user that another member already holds', async () => {
    await repos().members.insert({ pseudonym: 'M-OTHER', slackUserId: 'U0SAME', email: 'other@example.jp', memberType: 'alumni', status: 'active' });

    const summary = await importMembers(deps, rowsOf(HANAKO, { email: 'jiro@example.jp' }), {
      lookupSlackUserByEmail: async (email) => slackUser(email === 'jiro@example.jp' ? 'U0JIRO' : 'U0SAME'),
    });

    expect(summary).toMatchObject({ created: 2, linked: 1 });
    expect((await memberByEmail('hanako.sato@example.jp')).slackUserId).toBeNull();
    expect((await memberByEmail('jiro@example.jp')).slackUserId).toBe('U0JIRO');
  });

  it('links a guest or deactivated account but leaves the member out of every result', async () => {
    const summary = await importMembers(deps, rowsOf(HANAKO, { email: 'jiro@example.jp' }), {
      lookupSlackUserByEmail: async (email) => slackUser(email === 'jiro@example.jp' ? 'U0JIRO' : 'U0HANAKO', email === 'jiro@example.jp' ? 'deactivated' : 'guest'),
    });

    expect(summary).toMatchObject({ created: 2, linked: 2 });
    expect(await memberByEmail('hanako.sato@example.jp')).toMatchObject({ slackUserId: 'U0HANAKO', slackStanding: 'guest' });
    expect(await memberByEmail('jiro@example.jp')).toMatchObject({ slackUserId: 'U0JIRO', slackStanding: 'deactivated' });
    expect(await repos().members.findVisibleBySlackUserId('staff', 'U0HANAKO')).toBeUndefined();
    expect(await repos().members.findVisibleBySlackUserId('organizer', 'U0HANAKO')).toBeDefined();
  });

  it('imports nothing when Slack cannot be asked', async () => {
    const failing = async () => {
      throw new Error('invalid_auth');
    };

    await expect(importMembers(deps, rowsOf(HANAKO), { lookupSlackUserByEmail: failing })).rejects.toThrow('invalid_auth');
    expect(await snapshot()).toEqual({ members: [], consentEvents: [], auditEvents: [] });
  });
});

describe('exporting members', () => {
  it('writes every member with an email, ordered by email, leaving out erased members and counting those without an email', async () => {
    await importMembers(deps, rowsOf(HANAKO, TARO));
    await repos().members.insert({ pseudonym: 'M-ERASED', memberType: 'alumni', status: 'erased', email: null, name: null });
    await repos().members.insert({ pseudonym: 'M-NOMAIL', memberType: 'alumni', status: 'pending', name: 'No Mail', slackUserId: 'U0NOMAIL' });

    const result = await exportMembers(deps);

    expect(result).toMatchObject({ exported: 2, withoutEmail: 1 });
    const emails = parseMemberCsv(result.csv, { currentYear: CURRENT_YEAR }).map((row) => row.email);
    expect(emails).toEqual(['hanako.sato@example.jp', 'taro@meti.go.jp']);
  });

  it('gives the same file after exporting, importing the export into an empty database and exporting again', async () => {
    await importMembers(deps, rowsOf(
      { coi: 'Advises Acme', help_text: '- talks\n- "mentoring", maybe', topics: '' },
      TARO,
      { email: 'akiko@example.jp', name: '=cmd', member_type: 'returnee', share_with_alumni: '', capacity: '', locale: '' },
    ));
    await repos().members.insert({ pseudonym: 'M-SLACK', slackUserId: 'U0ZEN', email: 'zen@example.jp', name: 'Zen', memberType: 'alumni', status: 'pending', locale: 'en-US', coiDeclared: null });
    const first = (await exportMembers(deps)).csv;

    await resetDatabase(database);
    await importMembers(deps, parseMemberCsv(first, { currentYear: CURRENT_YEAR }));
    const second = (await exportMembers(deps)).csv;

    expect(second).toBe(first);
    expect(first.split('\n')).toHaveLength(1 + 4 + 1 + 1); // header, 4 members, a help text's second line, final newline
  });
});

describe('previewing an import (the dry run behind the Slack upload)', () => {
  it('says what the import would create, change (by spreadsheet column) and leave, and writes nothing', async () => {
    await importMembers(deps, rowsOf(HANAKO, TARO));
    const before = await snapshot();
    const rows = rowsOf({ title: 'Senior Partner', share_with_alumni: 'yes' }, TARO, { email: 'new@example.jp', name: 'New' });

    const preview = await previewImport(deps, rows);

    expect(preview).toEqual({
      created: [{ row: 4, email: 'new@example.jp' }],
      updated: [{ row: 2, email: 'hanako.sato@example.jp', columns: ['title', 'share_with_alumni'] }],
      unchanged: 1,
    });
    expect(await snapshot()).toEqual(before);
    // The import then does exactly what was previewed.
    expect(await importMembers(deps, rows)).toEqual({ created: 1, updated: 1, unchanged: 1, linked: 0 });
  });

  it('shows a member stored as an export would write them as unchanged, as the import counts them', async () => {
    await importMembers(deps, rowsOf(HANAKO));
    expect(await previewImport(deps, rowsOf(HANAKO))).toEqual({ created: [], updated: [], unchanged: 1 });
  });
});

describe('importing in an organizer’s name', () => {
  it('records the organizer as the actor, and writes nothing when the claim inside the transaction fails', async () => {
    await expect(
      importMembers(deps, rowsOf(HANAKO), {
        actor: 'U0ORGANIZER',
        withinTransaction: async () => {
          throw new Error('draft already used');
        },
      }),
    ).rejects.toThrow('draft already used');
    expect(await repos().members.findByEmail('hanako.sato@example.jp')).toBeUndefined();

    await importMembers(deps, rowsOf(HANAKO), { actor: 'U0ORGANIZER' });
    const hanako = await memberByEmail('hanako.sato@example.jp');
    expect((await repos().audit.listForMember(hanako.id)).map((event) => event.actor)).toEqual(['U0ORGANIZER']);
  });
});
