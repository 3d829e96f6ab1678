import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../src/blocks/home';
import { buildImportDecision, buildImportPreview, buildImportProblem } from '../../src/blocks/member-import-preview';
import { buildImportInstructions, buildOrganizerTools } from '../../src/blocks/organizer-tools';
import { t } from '../../src/i18n';
import { MEMBER_CSV_COLUMNS } from '../../src/services/member-csv';
import type { ImportPreview } from '../../src/services/member-import-preview';
import { ACTIONS } from '../../src/slack/ids';
import { memberRow } from '../helpers/factories';
import { assertValidHome, assertValidMessage } from '../helpers/slack-limits';
import { buttonsIn, visibleText } from './inspect';

const DRAFT_ID = '0b9f3c52-8d1e-4a51-9a8e-3f7f0c1d2e3a';
const TOOLS = [ACTIONS.organizerAnnounceEvent, ACTIONS.organizerMembers, ACTIONS.organizerImportCsv];

/** A preview of `count` new and `count` changed members with the longest emails. */
function bigPreview(count: number, fill = 'a'): ImportPreview {
  const email = (i: number) => `${fill.repeat(60)}${i}@${'example'.repeat(4)}.jp`;
  return {
    created: Array.from({ length: count }, (_, i) => ({ row: i + 2, email: email(i) })),
    updated: Array.from({ length: count }, (_, i) => ({ row: count + i + 2, email: email(count + i), columns: [...MEMBER_CSV_COLUMNS.slice(1)] })),
    unchanged: 3,
  };
}

describe.each(['ja', 'en'] as const)('organizer tools and the import preview in %s', (locale) => {
  const m = t(locale);

  it('the App Home shows the tools to organizers (who get pending registrations) and to nobody else', () => {
    const organizerHome = buildHomeView({ t: m, locale, member: memberRow(), pending: { rows: [], total: 0 } });
    const memberHome = buildHomeView({ t: m, locale, member: memberRow() });

    expect(buttonsIn(organizerHome).map((button) => button.action_id)).toEqual(expect.arrayContaining(TOOLS));
    expect(buttonsIn(memberHome).map((button) => button.action_id).filter((id) => TOOLS.includes(id as never))).toEqual([]);
    assertValidHome(organizerHome);
  });

  it('the tools are three labelled buttons under a header', () => {
    const blocks = buildOrganizerTools({ t: m });
    expect(visibleText({ type: 'home', blocks })).toContain(m.organizerTools.header);
    expect(buttonsIn({ type: 'home', blocks }).map((button) => [button.action_id, button.text.text])).toEqual([
      [ACTIONS.organizerAnnounceEvent, m.organizerTools.announceEvent],
      [ACTIONS.organizerMembers, m.organizerTools.members],
      [ACTIONS.organizerImportCsv, m.organizerTools.importCsv],
    ]);
  });

  it('the import instructions list every column', () => {
    const { text } = buildImportInstructions({ t: m });
    for (const column of MEMBER_CSV_COLUMNS) expect(text).toContain(`\`${column}\``);
  });

  it('a preview of 2,000 new and 2,000 changed members stays within a message’s limits and says how many more', () => {
    const preview = buildImportPreview({ t: m, fileName: 'members.csv', draftId: DRAFT_ID, total: 4003, preview: bigPreview(2000), lifetimeHours: 24 });
    assertValidMessage(preview.blocks, preview.text);
    const lists = preview.blocks.slice(1, 3).map((block) => (block as { text: { text: string } }).text.text.split('\n'));
    for (const lines of lists) {
      const listed = lines.filter((line) => line.startsWith('• ')).length;
      expect(listed).toBeGreaterThan(5);
      expect(lines.at(-1)).toBe(m.memberImport.moreRows(2000 - listed));
    }
    expect(preview.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });

  it('a preview escapes the file name and emails (mrkdwn cannot be smuggled in)', () => {
    const hostile: ImportPreview = { created: [{ row: 2, email: '<!channel>@x.jp' }], updated: [], unchanged: 0 };
    const preview = buildImportPreview({ t: m, fileName: '<!here>&.csv', draftId: DRAFT_ID, total: 1, preview: hostile, lifetimeHours: 24 });
    const shown = JSON.stringify(preview);
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<!here>');
    expect(shown).toContain('&lt;!channel&gt;');
  });

  it('a file that cannot be imported gets its row and column and no buttons', () => {
    const problem = buildImportProblem({
      t: m,
      fileName: 'members.csv',
      problem: { kind: 'csv', row: 7, column: 'year_joined', code: 'yearInvalid', params: { value: '<soon>' } },
      maxBytes: 1_000_000,
    });
    expect(problem.text).toContain(m.memberImport.whereRowColumn(7, '`year_joined`'));
    expect(problem.text).toContain('&lt;soon&gt;');
    expect(problem.blocks.some((block) => block.type === 'actions')).toBe(false);
    assertValidMessage(problem.blocks, problem.text);
  });

  it('the result replaces the preview without buttons', () => {
    const done = buildImportDecision({
      t: m,
      decision: { kind: 'imported', fileName: 'members.csv', summary: { created: 1, updated: 2, unchanged: 3, linked: 1 } },
      lifetimeHours: 24,
    });
    expect(done.text).toBe(m.memberImport.importedLinkLater('`members.csv`', 1, 2, 3));
    expect(done.blocks.some((block) => block.type === 'actions')).toBe(false);
  });
});
