import { describe, expect, it } from 'vitest';
import { KAKEHASHI_SURFACE } from '../../src/sandbox/app-surface';
import { label, LABELS } from '../../src/sandbox/public/labels.js';
import { startStandIn } from '../../src/sandbox/server';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the sandbox page’s own labels', () => {
  it('every label has a Japanese and an English wording, shown together Japanese first', () => {
    for (const [key, [ja, en]] of Object.entries(LABELS)) {
      if (key === 'ok') continue;
      expect(ja, key).toMatch(JAPANESE);
      expect(en, key).toMatch(/^[\x20-\x7e’]+$/);
    }
    expect(label('send')).toBe('送信 / Send');
    expect(label('ok')).toBe('OK');
  });

  it('the page’s fixed words are in both languages', async () => {
    const standIn = await startStandIn({ botToken: 'xoxb-test', surface: KAKEHASHI_SURFACE });
    try {
      const html = await (await fetch(`${standIn.url}/`)).text();
      expect(html).toContain('表示中の人 / Viewing as');
      expect(html).toContain('Web API 呼び出し / Web API calls');
      expect(await (await fetch(`${standIn.url}/labels.js`)).text()).toContain('export function label');
    } finally {
      await standIn.close();
    }
  });
});
