import { describe, expect, it } from 'vitest';
import { fieldTokens, normalise, parseQuery, searchDocumentFor, termMatches, toTsquery } from '../../src/services/search-text';

const terms = (query: string) => parseQuery(query).map((term) => term.text);
const matches = (query: string, text: string) => {
  const tokens = fieldTokens(text);
  return parseQuery(query).every((term) => termMatches(term, tokens));
};

describe('normalising', () => {
  it('treats full-width, half-width and case alike', () => {
    expect(normalise('ＤＸ')).toBe('dx');
    expect(normalise('ｴﾈﾙｷﾞｰ')).toBe('エネルギー');
    expect(normalise('GX')).toBe('gx');
  });
});

describe('the tokens of a profile', () => {
  it('cuts Japanese into overlapping pairs of characters and keeps Latin words whole', () => {
    const tokens = fieldTokens('半導体とchips');
    expect([...tokens]).toEqual(expect.arrayContaining(['半導', '導体', '体と', 'と', 'chips']));
  });

  it('adds the synonyms of a term the text uses, in both languages', () => {
    expect([...fieldTokens('再エネ事業')]).toEqual(expect.arrayContaining(['再生', 'renewable', 'energy']));
  });

  it('does not see a short English form inside a longer word', () => {
    expect(fieldTokens('maintain').has('artificial')).toBe(false);
    expect(fieldTokens('生成AIの活用').has('artificial')).toBe(true);
  });

  it('writes a tsvector literal with topic tokens weighted highest, and nothing for an erased profile', () => {
    const document = searchDocumentFor({ topics: ['ip'], helpText: '特許' });
    expect(document).toMatch(/^'知的':1A /);
    expect(document).toContain("'特許':");
    expect(document).toMatch(/'特許':\d+B/);
    expect(searchDocumentFor({})).toBe('');
  });

  it('escapes quotes and backslashes so that any text is a valid literal', () => {
    expect(searchDocumentFor({ title: "o'brien" })).toContain("'o':1C");
    expect(toTsquery(parseQuery("'\\"))).toBe('');
  });
});

describe('reading a query', () => {
  it('splits on spaces and at known terms inside unspaced Japanese', () => {
    expect(terms('再エネ 系統')).toEqual(['再エネ', '系統']);
    expect(terms('再エネ系統')).toEqual(['再エネ', '系統']);
    expect(terms('半導体のサプライチェーン')).toEqual(['半導体', 'サプライチェーン']);
  });

  it('keeps a known multi-word English term as one term', () => {
    expect(terms('renewable energy grid')).toEqual(['renewable energy', 'grid']);
  });

  it('finds text that contains a Japanese query', () => {
    expect(matches('中小企業', '中小企業支援策')).toBe(true);
    expect(matches('エネルギー', '再生可能エネルギー政策')).toBe(true);
    expect(matches('宙', '宇宙')).toBe(true);
    expect(matches('企業支援', '中小企業の支援')).toBe(false);
  });

  it('knows the short forms and translations of the field', () => {
    expect(matches('再エネ', '再生可能エネルギー')).toBe(true);
    expect(matches('知財', '知的財産')).toBe(true);
    expect(matches('GX', 'グリーントランスフォーメーション')).toBe(true);
    expect(matches('DX', 'digital transformation')).toBe(true);
    expect(matches('経済安保', 'economic security')).toBe(true);
    expect(matches('半導体', 'semiconductors')).toBe(true);
    expect(matches('start-up', 'ベンチャー')).toBe(true);
    expect(matches('AI', '人工知能')).toBe(true);
  });

  it('matches English words by prefix but short abbreviations exactly', () => {
    expect(matches('semicon', 'semiconductor supply')).toBe(true);
    expect(matches('AI', 'aim and airline')).toBe(false);
  });

  it('builds a tsquery literal: AND over terms, OR over alternatives; a known concept by its own token', () => {
    expect(toTsquery(parseQuery('エネルギー'))).toBe("(('~エネルギー'))");
    expect(toTsquery(parseQuery('ロケット 打上げ'))).toBe("(('ロケ' & 'ケッ' & 'ット')) & (('打上' & '上げ'))");
  });

  it('gives a document the concept token of every form it holds, Latin plurals and forms against Japanese included', () => {
    expect(searchDocumentFor({ helpText: 'ESG投資の評価' })).toContain("'~投資'");
    expect(searchDocumentFor({ helpText: 'Investing in startups' })).toContain("'~スタートアップ'");
    expect(searchDocumentFor({ helpText: 'maintain' })).not.toMatch(/'~[^']*ai/);
  });
});

describe('a question, as staff write it', () => {
  it('searches for its subject: question phrasing, joining particles and punctuation weigh nothing (Japanese)', () => {
    expect(terms('輸出管理と経済安全保障に詳しいOBの方、どなたかご存じですか？')).toEqual(['輸出管理', '経済安全保障']);
    expect(terms('スタートアップの資金調達について教えてほしい')).toEqual(['スタートアップ', '資金調達']);
    expect(terms('GXに詳しい方はいらっしゃいますか')).toEqual(['gx']);
  });

  it('searches for its subject (English)', () => {
    expect(terms('Does anyone know someone with experience in export control?')).toEqual(['export control']);
    expect(terms('Who knows about semiconductors?')).toEqual(['semiconductors']);
    expect(terms("I'm looking for someone familiar with Japan's hydrogen")).toEqual(['japan', 'hydrogen']);
  });

  it('keeps the words of a subject that only look like particles', () => {
    expect(terms('ものづくり')).toEqual(['ものづくり']);
    expect(terms('地方の中小企業')).toEqual(['地方', '中小企業']);
  });
});
