import { describe, expect, it } from 'vitest';
import { both, buttonText, channelLanguages, labelCatalogue, labelled, lines } from '../../src/blocks/bilingual';
import { t, type Messages } from '../../src/i18n';

const ja = t('ja');
const en = t('en');

describe('a shared channel’s languages', () => {
  it('are both, the network’s default first', () => {
    expect(channelLanguages('ja')).toEqual([ja, en]);
    expect(channelLanguages('en')).toEqual([en, ja]);
  });
});

describe('text in both languages', () => {
  it('joins a label compactly, and once where both read the same', () => {
    expect(both([ja, en], (m) => m.events.answers.going)).toBe(`${ja.events.answers.going} / ${en.events.answers.going}`);
    expect(both([ja, en], (m) => m.common.notSet)).toBe(ja.common.notSet);
    expect(both([en], (m) => m.events.answers.going)).toBe(en.events.answers.going);
  });

  it('puts a sentence on a line per language', () => {
    expect(lines([en, ja], (m) => m.events.cancelledText)).toBe(`${en.events.cancelledText}\n${ja.events.cancelledText}`);
  });

  it('labels a value, shown once', () => {
    expect(labelled([ja, en], (m) => m.events.labels.where, 'Hall &amp; co')).toBe(`*${ja.events.labels.where} / ${en.events.labels.where}:* Hall &amp; co`);
  });

  it('on a button, falls back to the network’s language alone when both would pass 75 characters', () => {
    expect(buttonText([ja, en], (m) => m.approval.approve)).toBe(`${ja.approval.approve} / ${en.approval.approve}`);
    expect(buttonText([ja, en], (m: Messages) => (m === ja ? 'あ'.repeat(40) : 'b'.repeat(40)))).toBe('あ'.repeat(40));
    expect(buttonText([ja, en], (m: Messages) => (m === ja ? 'あ'.repeat(80) : 'b'))).toHaveLength(75);
  });

  it('every button label the channel messages use fits in both languages', () => {
    const labels = (m: Messages) => [
      m.approval.approve,
      m.approval.decline,
      m.events.answers.going,
      m.events.answers.maybe,
      m.events.answers.not_going,
      m.events.addToCalendar,
      ...Object.values(m.events.menu),
      m.introductions.offerHelp,
    ];
    for (const [first, second] of [channelLanguages('ja'), channelLanguages('en')]) {
      labels(first).forEach((label, index) => expect(`${label} / ${labels(second)[index]}`.length).toBeLessThanOrEqual(75));
    }
  });
});

describe('a catalogue of labels in both languages, for a builder shared with one-language surfaces', () => {
  const labels = labelCatalogue([ja, en]);

  it('joins every text entry, nested ones included', () => {
    expect(labels.profileCard.organisation).toBe(`${ja.profileCard.organisation} / ${en.profileCard.organisation}`);
    expect(labels.memberType.alumni).toBe(`${ja.memberType.alumni} / ${en.memberType.alumni}`);
    expect(labels.common.notSet).toBe(ja.common.notSet);
  });

  it('keeps sentences around values in the first language, so a value shows once', () => {
    expect(labels.profileCard.yearsValue('2001', '2020')).toBe(ja.profileCard.yearsValue('2001', '2020'));
  });

  it('is the reader’s own catalogue when there is one language', () => {
    expect(labelCatalogue([en])).toBe(en);
  });
});
