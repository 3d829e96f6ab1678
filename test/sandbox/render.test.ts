import { describe, expect, it } from 'vitest';
import { formatSlackDate, fromLocalInput, renderMrkdwn, toLocalInput } from '../../src/sandbox/public/mrkdwn.js';
import { renderBlocks } from '../../src/sandbox/public/render.js';

const view = {
  users: new Map([['U0HANAKO', { realName: '山田 花子', name: 'hanako' }]]),
  conversations: new Map([['C0ANNOUNCE', { name: 'announcements', kind: 'public' }]]),
  tz: 'Asia/Tokyo',
  locale: 'en-US',
  now: Date.UTC(2026, 10, 24, 3, 0),
};

describe('the page’s mrkdwn', () => {
  it('renders bold, italics, strike, code, quotes, links, mentions and channels, escaping everything else', () => {
    const html = renderMrkdwn('*Bold* _it_ ~gone~ `x<y` <https://example.org/a_b|the *site*> <@U0HANAKO> <#C0ANNOUNCE> a &lt;b&gt; &amp; <script>\n&gt; quoted', view);
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<code>x&lt;y</code>');
    expect(html).toContain('<a href="https://example.org/a_b" target="_blank" rel="noopener">the *site*</a>');
    expect(html).toContain('<span class="mention">@山田 花子</span>');
    expect(html).toContain('<span class="mention">#announcements</span>');
    expect(html).toContain('a &lt;b&gt; &amp; &lt;script&gt;');
    expect(html).toContain('<br><blockquote>quoted</blockquote>');
    expect(html).not.toContain('<script>');
  });

  it('shows <!date^…> in the reader’s zone and language, with today and tomorrow', () => {
    const start = Date.UTC(2026, 10, 25, 9, 0) / 1000; // 18:00 the next day in Tokyo
    expect(renderMrkdwn(`<!date^${start}^{date_short_pretty} {time}|fallback>`, view)).toBe('<time>Tomorrow 6:00 PM</time>');
    expect(formatSlackDate(start, '{date_num} {time}', { ...view, locale: 'ja-JP' })).toBe('2026-11-25 18:00');
    expect(formatSlackDate(start, '{date_long}', { ...view, tz: 'UTC' })).toBe('Wednesday, November 25, 2026');
  });

  it('turns datetime-local values into Unix seconds in the persona’s zone and back', () => {
    expect(fromLocalInput('2026-11-25T18:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 10, 25, 9, 0) / 1000);
    expect(fromLocalInput('2026-07-01T12:30', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 11, 30) / 1000);
    expect(toLocalInput(Date.UTC(2026, 10, 25, 9, 0) / 1000, 'Asia/Tokyo')).toBe('2026-11-25T18:00');
    expect(fromLocalInput('', 'Asia/Tokyo')).toBeNull();
  });
});

describe('the page’s Block Kit', () => {
  it('renders each block kind, naming interactive elements for block_actions and inputs for state', () => {
    const html = renderBlocks(
      [
        { type: 'header', block_id: 'h', text: { type: 'plain_text', text: 'Title :tada:' } },
        {
          type: 'section',
          block_id: 's',
          text: { type: 'mrkdwn', text: '*Hi*' },
          fields: [{ type: 'mrkdwn', text: '*Field*' }],
          accessory: { type: 'button', action_id: 'edit', text: { type: 'plain_text', text: 'Edit' }, style: 'primary' },
        },
        { type: 'context', block_id: 'c', elements: [{ type: 'mrkdwn', text: 'small' }] },
        { type: 'divider', block_id: 'd' },
        {
          type: 'actions',
          block_id: 'a',
          elements: [
            { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' }, confirm: { title: { type: 'plain_text', text: 'Sure?' } } },
            { type: 'button', action_id: 'cal', text: { type: 'plain_text', text: 'Calendar' }, url: 'https://calendar.example/x' },
            { type: 'overflow', action_id: 'menu', options: [{ text: { type: 'plain_text', text: 'Edit' }, value: 'edit:1' }] },
          ],
        },
        {
          type: 'input',
          block_id: 'when',
          label: { type: 'plain_text', text: 'When' },
          element: { type: 'datetimepicker', action_id: 'when', initial_date_time: Date.UTC(2026, 10, 25, 9, 0) / 1000 },
        },
        { type: 'input', block_id: 'who', optional: true, label: { type: 'plain_text', text: 'Who' }, element: { type: 'users_select', action_id: 'who' } },
      ],
      { ...view, errors: { when: 'Must be in the future' } },
    );
    expect(html).toContain('<h3 class="bk-header">Title 🎉</h3>');
    expect(html).toContain('class="bk-fields"');
    expect(html).toMatch(/class="bk-button primary" data-act="click" data-block-id="s" data-action-id="edit"/);
    expect(html).toContain('data-confirm=');
    expect(html).toContain('data-url="https://calendar.example/x"');
    expect(html).toMatch(/<select class="bk-overflow" data-act="change"/);
    expect(html).toContain('value="2026-11-25T18:00"');
    expect(html).toContain('Must be in the future');
    expect(html).toContain('(optional)');
    expect(html).toContain('<option value="U0HANAKO">山田 花子 (@hanako)</option>');
  });
});
