import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { eventRsvps, type MemberRow } from '../../src/db/schema';
import { escapeFormula, unescapeFormula } from '../../src/services/csv-formula';
import type { ServiceDeps } from '../../src/services/deps';
import { createEvent, exportAttendees } from '../../src/services/events';
import { exportIntroductionRecord } from '../../src/services/introduction-record';
import { formatMemberCsv, parseMemberCsv, type MemberCsvRecord } from '../../src/services/member-csv';
import { exportMembers, importMembers } from '../../src/services/member-import';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { eventInput } from '../helpers/event-form';

/** Cells a spreadsheet may run as formulas once it skips the whitespace in front. */
const HIDDEN_FORMULAS = ['  =HYPERLINK("https://evil.example","open")', '\t+1', '\r\n-2', '\n@SUM(A1:A9)'];
const guarded = (text: string) => `'${text}`;
/** A CSV's data rows as objects keyed by column, exactly as a spreadsheet would receive the cells. */
const rowsOf = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('the formula guard', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+81 3 1234', "'+81 3 1234"],
    ['-  bullet', "'-  bullet"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['  =HYPERLINK("x")', `'  =HYPERLINK("x")`],
    ['\t+1', "'\t+1"],
    ['\r\n-2', "'\r\n-2"],
    ['\n@SUM(A1)', "'\n@SUM(A1)"],
    ['\u3000=1', "'\u3000=1"],
    ["'=already quoted", "''=already quoted"],
    ["' \n=x", "'' \n=x"],
  ])('guards %j and undoes it exactly', (text, cell) => {
    expect(escapeFormula(text)).toBe(cell);
    expect(unescapeFormula(cell)).toBe(text);
  });

  it.each(['plain', "'plain", "'  text", 'a=b', 'x\n=y', '2025', ' 12', '\u200B=1', ''])('leaves %j alone', (text) => {
    expect(escapeFormula(text)).toBe(text);
    expect(unescapeFormula(text)).toBe(text);
  });
});

describe('the members spreadsheet', () => {
  const record: MemberCsvRecord = {
    email: 'hanako.sato@example.jp',
    name: '佐藤 花子',
    memberType: 'alumni',
    yearJoined: 2001,
    yearLeft: 2015,
    organisation: null,
    title: null,
    formerDivisions: null,
    topics: [],
    helpText: null,
    helpKinds: [],
    monthlyCapacity: 0,
    shareWithStaff: null,
    shareWithAlumni: null,
    coiDescription: null,
    locale: null,
  };

  it('guards a formula behind leading whitespace in every text column, and reads it back as the trimmed text', () => {
    const records = HIDDEN_FORMULAS.map((text, i) => ({
      ...record,
      email: `m${i}@example.jp`,
      organisation: text,
      title: text,
      formerDivisions: text,
      helpText: text,
      coiDescription: text,
    }));
    const rows = rowsOf(formatMemberCsv(records));
    rows.forEach((row, i) => {
      const cell = guarded(HIDDEN_FORMULAS[i]!);
      expect(row).toMatchObject({ organisation: cell, title: cell, former_divisions: cell, help_text: cell, coi: cell });
    });
    // The import trims every cell, as it always has; the apostrophe the export added is gone.
    const multiLine = records.map((r) => ({ ...r, organisation: null, title: null }));
    const read = parseMemberCsv(formatMemberCsv(multiLine), { currentYear: 2025 });
    expect(read.map((r) => r.helpText)).toEqual(HIDDEN_FORMULAS.map((text) => text.trim()));
  });

  it('writes numbers as numbers: years and capacity are never guarded', () => {
    const [row] = rowsOf(formatMemberCsv([{ ...record, monthlyCapacity: 3 }]));
    expect(row).toMatchObject({ year_joined: '2001', year_left: '2015', capacity: '3' });
  });
});

describe('files written from the database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let deps: ServiceDeps;
  const ORGANIZER = 'U0ORGANIZER';
  const NOW = new Date('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = { db: database.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] };
  });
  afterAll(async () => database.close());
  beforeEach(async () => resetDatabase(database));

  const givenMember = (overrides: Partial<MemberRow>) => createRepositories(database.db).members.insert(memberRow(overrides));

  it('the members export gives the same file after importing it and exporting again, formula-like text and all', async () => {
    await givenMember({ email: 'a@example.jp', name: '@Sato', organisation: '-', title: '+81 (Tokyo)', formerDivisions: "' =x" });
    await givenMember({ email: 'b@example.jp', name: "'=quoted", helpText: '=1\n+2\n-3', coiDeclared: true, coiDescription: "'\n@SUM(A1)" });
    await givenMember({ email: 'c@example.jp', name: '- 佐藤', organisation: '=HYPERLINK("https://evil.example")', locale: 'en' });
    const first = (await exportMembers(deps)).csv;
    expect(rowsOf(first).map((row) => row.name)).toEqual(["'@Sato", "''=quoted", "'- 佐藤"]);

    await resetDatabase(database);
    await importMembers(deps, parseMemberCsv(first, { currentYear: 2026 }));
    const second = (await exportMembers(deps)).csv;

    expect(second).toBe(first);
    const stored = await createRepositories(database.db).members.findByEmail('b@example.jp');
    expect(stored).toMatchObject({ name: "'=quoted", helpText: '=1\n+2\n-3', coiDescription: "'\n@SUM(A1)" });
  });

  it('the attendee list guards names that hide a formula behind whitespace, and keeps the waitlist a number', async () => {
    await createRepositories(database.db).organizers.seed([ORGANIZER]);
    const created = await createEvent(deps, {
      organizerSlackUserId: ORGANIZER,
      form: eventInput(),
    });
    if (created.kind !== 'created') throw new Error('event not created');
    for (const [i, name] of HIDDEN_FORMULAS.entries()) {
      const member = await givenMember({ name });
      await database.db.insert(eventRsvps).values({
        eventId: created.event.id,
        memberId: member.id,
        answer: 'going',
        waitlisted: i === 3,
        waitlistedAt: i === 3 ? NOW : null,
        waitlistNumber: i === 3 ? 1 : null,
        answeredAt: new Date(NOW.getTime() + i * 60_000),
      });
    }

    const { csv } = await exportAttendees(deps, { organizerSlackUserId: ORGANIZER, eventId: created.event.id });

    const rows = rowsOf(csv);
    expect(rows.map((row) => row.name).sort()).toEqual(HIDDEN_FORMULAS.map(guarded).sort());
    expect(rows.map((row) => row.waitlist_position).sort()).toEqual(['', '', '', '1']);
  });

  it('the introduction record guards typed text that hides a formula behind whitespace', async () => {
    const [name, division, details, reason] = HIDDEN_FORMULAS as [string, string, string, string];
    const alumna = await givenMember({ name: '\n=alumna', organisation: ' +organisation' });
    await createRepositories(database.db).introductions.insert({
      id: '0b5e2c1a-1111-4000-8000-000000000001',
      kind: 'direct',
      status: 'declined',
      requesterSlackUserId: 'U0STAFF01',
      requesterMemberId: null,
      requesterName: name,
      requesterAudience: 'staff',
      requesterDivision: division,
      alumnusMemberId: alumna.id,
      topic: '\t-topic',
      purpose: 'policy_research',
      details,
      format: 'call',
      dueDate: '2026-11-20',
      coiDisclosure: ' @coi',
      declineReason: reason,
      createdAt: new Date('2026-11-10T01:00:00Z'),
    });

    await createRepositories(database.db).organizers.seed([ORGANIZER]);
    const [row] = rowsOf((await exportIntroductionRecord(deps, { by: { organizerSlackUserId: ORGANIZER } })).csv);

    expect(row).toMatchObject({
      requester: guarded(name),
      requester_division: guarded(division),
      details: guarded(details),
      decline_reason: guarded(reason),
      alumnus: guarded('\n=alumna'),
      alumnus_organisation: guarded(' +organisation'),
      topic: guarded('\t-topic'),
      coi_disclosed: guarded(' @coi'),
    });
  });
});
