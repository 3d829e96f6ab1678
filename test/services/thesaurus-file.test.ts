import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuery, searchDocumentFor, searchDocumentVersion, useThesaurus } from '../../src/services/search-text';
import { applyThesaurusFile, parseThesaurusFile, ThesaurusFileError } from '../../src/services/thesaurus-file';

afterEach(() => useThesaurus([]));

const file = (concepts: unknown) => JSON.stringify({ concepts });

describe('the organizers’ thesaurus file', () => {
  it('reads concepts with their forms, topic, broader and related topics', () => {
    const concepts = parseThesaurusFile(
      file([
        { forms: ['グリーン成長', 'green growth'], broader: ['energy_gx'], related: ['circular_economy'] },
        { forms: [' GX経済移行債 '], topic: 'energy_gx' },
      ]),
      'thesaurus.json',
    );
    expect(concepts).toEqual([
      { forms: ['グリーン成長', 'green growth'], broader: ['energy_gx'], related: ['circular_economy'] },
      { forms: ['GX経済移行債'], topic: 'energy_gx' },
    ]);
  });

  it.each([
    ['{ not json', 'THESAURUS_FILE t.json is not valid JSON'],
    [JSON.stringify({ concept: [] }), 'THESAURUS_FILE t.json: concepts must be a list'],
    [file([{ forms: [] }]), 'THESAURUS_FILE t.json: concepts[0].forms needs at least one form'],
    [file([{ forms: ['ok', '  '] }]), 'THESAURUS_FILE t.json: concepts[0].forms[1] is empty'],
    [file([{ forms: ['・・'] }]), 'concepts[0].forms[0] has no letter or digit'],
    [file([{ forms: ['x'.repeat(61)] }]), 'concepts[0].forms[0] is longer than 60 characters'],
    [file([{ forms: ['ok'] }, { forms: ['水素'], broader: ['enrgy_gx'] }]), 'concepts[1].broader[0] is not a topic key (one of: energy_gx,'],
    [file([{ forms: ['ok'], synonyms: ['x'] }]), 'concepts[0]'],
  ])('refuses %s, saying where and why', (text, message) => {
    expect(() => parseThesaurusFile(text, 't.json')).toThrow(ThesaurusFileError);
    expect(() => parseThesaurusFile(text, 't.json')).toThrow(message);
  });

  it('adds its concepts to every search from then on', async () => {
    const before = searchDocumentVersion();
    expect(parseQuery('グリーン成長')[0]).toMatchObject({ known: false, broaderTopics: [] });
    const dir = mkdtempSync(join(tmpdir(), 'thesaurus-'));
    writeFileSync(join(dir, 'thesaurus.json'), file([{ forms: ['グリーン成長', 'green growth'], broader: ['energy_gx'], related: ['circular_economy'] }]));
    expect(await applyThesaurusFile(join(dir, 'thesaurus.json'))).toBe(1);
    const [term] = parseQuery('green growth');
    expect(term).toMatchObject({ text: 'green growth', known: true, broaderTopics: ['energy_gx'], relatedTopics: ['circular_economy'] });
    // A known concept is found by its own token, which every document holding one of its forms carries.
    expect(term!.clauses).toEqual([[{ token: '~グリーン成長', prefix: false }]]);
    expect(searchDocumentFor({ helpText: 'Green growth strategies' })).toContain("'~グリーン成長'");
    expect(searchDocumentVersion()).not.toBe(before);
  });

  it('without THESAURUS_FILE nothing changes; a missing file is a readable error', async () => {
    const before = searchDocumentVersion();
    expect(await applyThesaurusFile(undefined)).toBe(0);
    expect(searchDocumentVersion()).toBe(before);
    await expect(applyThesaurusFile('/nonexistent/thesaurus.json')).rejects.toThrow('THESAURUS_FILE /nonexistent/thesaurus.json cannot be read: ENOENT');
  });
});
