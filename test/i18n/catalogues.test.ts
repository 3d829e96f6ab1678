import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { t, toLocale } from '../../src/i18n';
import { HELP_KINDS, POLICY_TOPICS, SECTORS } from '../../src/services/taxonomy';

/** Every leaf of a catalogue as [path, value]. */
function leaves(catalogue: object, prefix = ''): [string, unknown][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

describe('the Japanese and English catalogues', () => {
  it('have exactly the same keys', () => {
    expect(leaves(ja).map(([path]) => path).sort()).toEqual(leaves(en).map(([path]) => path).sort());
  });

  it.each([['en', en], ['ja', ja]] as const)('%s has no empty message and functions of the same arity', (_name, catalogue) => {
    const other = new Map(leaves(catalogue === en ? ja : en));
    for (const [path, value] of leaves(catalogue)) {
      if (typeof value === 'function') {
        expect((other.get(path) as () => unknown).length, path).toBe(value.length);
        const rendered = value(...Array.from({ length: value.length }, () => 'X'));
        expect(String(rendered).length, path).toBeGreaterThan(0);
      } else {
        expect(String(value).trim().length, path).toBeGreaterThan(0);
      }
    }
  });

  it('Japanese messages are in Japanese (not copied English)', () => {
    const english = new Map(leaves(en));
    const copied = leaves(ja).filter(([path, value]) => typeof value === 'string' && value.length > 12 && value === english.get(path));
    expect(copied).toEqual([]);
  });

  it('every taxonomy term has a label in both languages', () => {
    for (const term of [...POLICY_TOPICS, ...SECTORS, ...HELP_KINDS]) {
      expect(term.ja.trim(), term.key).not.toBe('');
      expect(term.en.trim(), term.key).not.toBe('');
    }
  });

  it('the language follows the Slack locale, else the default', () => {
    expect(toLocale('ja-JP', 'en')).toBe('ja');
    expect(toLocale('en-GB', 'ja')).toBe('en');
    expect(toLocale('fr-FR', 'ja')).toBe('ja');
    expect(toLocale(undefined, 'en')).toBe('en');
    expect(t('en')).toBe(en);
  });
});
