import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ethicsTexts, EthicsTextsFileError, parseEthicsTextsFile } from '../../src/services/ethics-texts';

const BOT = {
  SLACK_BOT_TOKEN: 'xoxb-123-secret',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  ORGANIZERS_CHANNEL_ID: 'C0ORGANIZE',
};

function writeTemp(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ethics-texts-')), 'ethics-texts.json');
  writeFileSync(path, text);
  return path;
}

describe('the ethics rule texts as settings', () => {
  it('are the catalogue’s by default, which cite the rule by name in both languages', () => {
    const jaTexts = ethicsTexts(undefined, 'ja');
    const enTexts = ethicsTexts(undefined, 'en');
    expect(jaTexts.interestedParty('X')).toBe(ja.introductionEthics.interestedParty('X'));
    expect(jaTexts.interestedParty('X')).toContain('国家公務員倫理規程');
    expect(enTexts.interestedParty('X')).toContain('National Public Service Ethics Code');
    expect(jaTexts.postRetirement('課', 2, '2027-04')).toContain('国家公務員法');
    expect(enTexts.postRetirement('Div', 2, '2027-04')).toContain('National Public Service Act');
    expect(jaTexts.mealNotice('会', '¥10,000')).toBe(ja.events.costs.mealNotice('会', '¥10,000'));
    expect(enTexts.hospitalityNotice('Party')).toBe(en.events.costs.hospitalityNotice('Party'));
    expect(enTexts.notLegalAdvice).toBe(en.introductionEthics.notLegalAdvice);
  });

  it('take the organizers’ replacement per language, with placeholders filled once (a value holding one stays as typed)', () => {
    const overrides = parseEthicsTextsFile(
      JSON.stringify({
        ja: { postRetirement: '退職後{years}年（{until}まで）: {division}', mealNotice: '{title}: {threshold}超' },
        en: { alumnusPostRetirement: 'Within {years} years, ask no favours.', hospitalityNotice: '{title}: pay your share.' },
      }),
      'texts.json',
    );
    const jaTexts = ethicsTexts(overrides, 'ja');
    expect(jaTexts.postRetirement('{years}課', 3, '2028-01')).toBe('退職後3年（2028-01まで）: {years}課');
    expect(jaTexts.mealNotice('忘年会', '¥10,000')).toBe('忘年会: ¥10,000超');
    expect(jaTexts.interestedParty('X')).toBe(ja.introductionEthics.interestedParty('X'));
    expect(ethicsTexts(overrides, 'en').alumnusPostRetirement(2)).toBe('Within 2 years, ask no favours.');
    expect(ethicsTexts(overrides, 'en').hospitalityNotice('Party')).toBe('Party: pay your share.');
    expect(ethicsTexts(overrides, 'en').postRetirement('D', 2, 'U')).toBe(en.introductionEthics.postRetirement('D', 2, 'U'));
  });

  it.each([
    ['{ nope', 'ETHICS_TEXTS_FILE t.json is not valid JSON'],
    [JSON.stringify({ fr: {} }), 'ETHICS_TEXTS_FILE t.json: the file has unknown keys fr'],
    [JSON.stringify({ ja: { interestedparty: 'x {what}' } }), 'ETHICS_TEXTS_FILE t.json: ja has unknown keys interestedparty'],
    [JSON.stringify({ en: { interestedParty: 'no placeholder' } }), 'ETHICS_TEXTS_FILE t.json: en.interestedParty must contain {what}'],
    [JSON.stringify({ en: { notLegalAdvice: 'see {what}' } }), 'en.notLegalAdvice uses {what}, which this text has not (placeholders: none)'],
    [JSON.stringify({ ja: { notLegalAdvice: '  ' } }), 'ja.notLegalAdvice is empty'],
    [JSON.stringify({ ja: { notLegalAdvice: 3 } }), 'ja.notLegalAdvice must be a text'],
    [JSON.stringify({ ja: { notLegalAdvice: 'x'.repeat(1501) } }), 'ja.notLegalAdvice is longer than 1500 characters'],
  ])('refuse %s, saying where and why', (text, message) => {
    expect(() => parseEthicsTextsFile(text, 't.json')).toThrow(EthicsTextsFileError);
    expect(() => parseEthicsTextsFile(text, 't.json')).toThrow(message);
  });

  it('are read at start from ETHICS_TEXTS_FILE; a file that cannot be used stops the start with one line naming it', () => {
    const path = writeTemp(JSON.stringify({ en: { notLegalAdvice: 'Ask the ethics office.' } }));
    expect(parseConfig({ ...BOT, ETHICS_TEXTS_FILE: path }).ethicsTexts).toEqual({ en: { notLegalAdvice: 'Ask the ethics office.' } });
    expect(parseConfig(BOT).ethicsTexts).toBeUndefined();

    const bad = writeTemp(JSON.stringify({ en: { interestedParty: 'no placeholder' } }));
    expect(() => parseConfig({ ...BOT, ETHICS_TEXTS_FILE: bad })).toThrow(ConfigError);
    expect(() => parseConfig({ ...BOT, ETHICS_TEXTS_FILE: bad })).toThrow(`Invalid configuration: ETHICS_TEXTS_FILE ${bad}: en.interestedParty must contain {what}`);
    expect(() => parseConfig({ ...BOT, ETHICS_TEXTS_FILE: '/nonexistent/texts.json' })).toThrow(
      'Invalid configuration: ETHICS_TEXTS_FILE /nonexistent/texts.json cannot be read: ENOENT',
    );
  });
});
