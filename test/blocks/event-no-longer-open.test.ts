import { describe, expect, it } from 'vitest';
import { buildNoLongerOpenNotice } from '../../src/blocks/events';
import { t, type Locale } from '../../src/i18n';
import { ESCAPE_HEAVY_FILL, eventRow, maximalEventRow, TYPICAL_FILL } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';
import { mrkdwnTexts, visibleText } from './inspect';

describe.each(['ja', 'en'] as Locale[])('the notice to members an event is no longer open to (%s)', (locale) => {
  const messages = t(locale);

  it.each([TYPICAL_FILL, ESCAPE_HEAVY_FILL])('fits Slack at the longest lengths (fill %j)', (fill) => {
    const { text, blocks } = buildNoLongerOpenNotice({ t: messages, event: maximalEventRow({}, fill) });
    assertValidMessage(blocks, text);
  });

  it('names the event and who can join now, and nothing else of it: no place, details, time or organizer', () => {
    const event = eventRow({ title: 'OB会 <!channel>', place: '赤坂 ラウンジ', description: '合言葉は架け橋', organizerSlackUserId: 'U0ORG' });
    const { text, blocks } = buildNoLongerOpenNotice({ t: messages, event });
    const shown = `${text}\n${visibleText(blocks)}`;
    expect(shown).toContain('OB会 &lt;!channel&gt;');
    expect(shown).toContain(messages.events.audiences.alumni);
    for (const secret of ['赤坂', '合言葉', '<!date', 'U0ORG', '<#']) expect(shown).not.toContain(secret);
    for (const mrkdwn of mrkdwnTexts(blocks)) expect(mrkdwn).not.toContain('<!channel>');
  });
});
