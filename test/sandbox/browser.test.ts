import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CHANNELS } from '../../src/sandbox/personas';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandbox';
import { seedProfiles } from '../../src/sandbox/seed';
import { ACTIONS, EVENT_FIELDS, INTRODUCTION_FIELDS } from '../../src/slack/ids';
import { createTestDatabase } from '../helpers/database';

/**
 * The sandbox page in a real browser (Debian's chromium, driven by playwright-core; nothing is
 * downloaded): people click through the page as they would in Slack, and each step is saved as a
 * screenshot under test-results/sandbox-browser/.
 */

const TARO = 'U0TARO';
const HANAKO = 'U0HANAKO';
const EMILY = 'U0EMILY';
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join('test-results', 'sandbox-browser');
const FLOW_TIMEOUT = 120_000;
/** How long one page state may take to appear (a busy 2-core CI machine). */
const STATE_TIMEOUT = 30_000;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: Sandbox;
let browser: Browser;
const botErrors: unknown[] = [];
const logger = {
  debug() {},
  info() {},
  warn() {},
  error: (...args: unknown[]) => void botErrors.push(args),
  setLevel() {},
  getLevel: () => 'error' as never,
  setName() {},
};

beforeAll(async () => {
  // Never skipped: without the browser these tests fail and say how to get it (.ci/run installs it).
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium fonts-noto-cjk)`);
  mkdirSync(SHOTS, { recursive: true });
  database = await createTestDatabase();
  sandbox = await startSandbox({ database, logger });
  await seedProfiles(sandbox);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, FLOW_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await database?.close();
}, FLOW_TIMEOUT);

/** A fresh page for one person, at a conversation (a channel ID, or `app` for the app's pages). */
async function open(as: string, at: string): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(STATE_TIMEOUT);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${sandbox.standIn.url}/?as=${as}&c=${at}`);
  await page.locator('.composer input, .home').first().waitFor();
  return { page, pageErrors };
}

function screenshots(flow: string) {
  let step = 0;
  return (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${flow}-${String(++step).padStart(2, '0')}-${name}.png`) });
}

/** Types into the composer and sends, as a person does. */
async function type(page: Page, text: string): Promise<void> {
  const input = page.locator('.composer input');
  await input.fill(text);
  await input.press('Enter');
}

/** Switches the persona with the page's "Viewing as" menu. */
async function viewAs(page: Page, userId: string): Promise<void> {
  await page.locator('#persona').selectOption(userId);
  await page.waitForURL(new RegExp(`[?&]as=${userId}\\b`));
}

/** Waits until what the locator shows contains the text, then asserts it (the page redraws on every change). */
async function see(locator: Locator, text: string | RegExp): Promise<void> {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor();
  const shown = await match.innerText();
  if (typeof text === 'string') expect(shown).toContain(text);
  else expect(shown).toMatch(text);
}

const modal = (page: Page) => page.locator('#modal-layer form.modal');

describe(`the sandbox page in a real browser (${CHROMIUM})`, () => {
  it(
    'a staff member finds an expert and asks for an introduction; the alumna accepts and both meet in a group DM',
    async () => {
      const shot = screenshots('introduction');
      const { page, pageErrors } = await open(TARO, SANDBOX_CHANNELS.general);
      await see(page.locator('.pane-header h2'), '#general');

      // The staff member searches with the slash command; only he sees the results.
      await type(page, '/find-expert 再エネ');
      const results = page.locator('.msg.ephemeral').filter({ hasText: '山田 花子' });
      await results.waitFor();
      await see(results, 'Only visible to you');
      await shot(page, 'search-results');

      // "Ask for an introduction" on 山田 花子 opens the request form.
      await results.locator('.bk-section', { hasText: '山田 花子' }).locator(`[data-action-id="${ACTIONS.askIntroduction}"]`).first().click();
      await modal(page).waitFor();
      await see(modal(page).locator('header h2'), '紹介の依頼');
      await see(modal(page), '山田 花子');
      await modal(page).locator(`[data-action-id="${INTRODUCTION_FIELDS.purpose}"]`).selectOption({ index: 1 });
      await modal(page).locator(`[data-action-id="${INTRODUCTION_FIELDS.details}"]`).fill('FIP制度の運用について、事業者の立場からご意見を伺いたいです。');
      await modal(page).locator(`[data-action-id="${INTRODUCTION_FIELDS.format}"] input[type=radio]`).first().check();
      await modal(page).locator(`[data-action-id="${INTRODUCTION_FIELDS.requesterDivision}"]`).fill('資源エネルギー庁 新エネルギー課');
      await shot(page, 'request-form');
      await modal(page).locator('button[type=submit]').click();
      await modal(page).waitFor({ state: 'detached' });

      // The bot confirms in the app's messages.
      await page.locator('[data-nav="app"]').click();
      await page.locator('[data-tab="messages"]').click();
      await see(page.locator('#messages'), '山田 花子 さんに依頼を送りました');
      await shot(page, 'request-sent');

      // The alumna reads the request in her DM with the app and accepts it.
      await viewAs(page, HANAKO);
      await page.locator('[data-nav="app"]').click();
      await page.locator('[data-tab="messages"]').click();
      const request = page.locator('.msg', { hasText: '紹介の依頼' }).last();
      await see(request, '経産 太郎');
      await see(request, 'FIP制度の運用');
      await shot(page, 'request-received');
      await request.locator(`[data-action-id="${ACTIONS.acceptIntroduction}"]`).click();
      await see(request, '承諾しました');
      await request.locator(`[data-action-id="${ACTIONS.acceptIntroduction}"]`).waitFor({ state: 'detached' });
      await shot(page, 'accepted');

      // The group DM with both of them is in the sidebar, opened by the introduction post.
      const group = page.locator('#sidebar [data-nav]', { hasText: '経産 太郎' });
      await group.click();
      await see(page.locator('.pane-header h2'), '経産 太郎');
      await see(page.locator('#messages'), 'ご紹介');
      await see(page.locator('#messages'), /ご紹介：\s*経産 太郎 .*さん、山田 花子 .*さんをご紹介します/);
      await shot(page, 'group-dm');

      // The staff member sees the same group DM.
      await viewAs(page, TARO);
      await page.locator('#sidebar [data-nav]', { hasText: '山田 花子' }).click();
      await see(page.locator('#messages'), /ご紹介：\s*経産 太郎 .*さん、山田 花子 .*さんをご紹介します/);
      await shot(page, 'group-dm-staff');

      expect(pageErrors).toEqual([]);
      expect(botErrors).toEqual([]);
      await page.context().close();
    },
    FLOW_TIMEOUT,
  );

  it(
    'an organizer announces an event and a member answers “Going”: the counts on the announcement change',
    async () => {
      const shot = screenshots('event');
      const { page, pageErrors } = await open(EMILY, SANDBOX_CHANNELS.announcements);
      await see(page.locator('.pane-header h2'), '#announcements');

      // The organizer opens the event form with the slash command and fills it in.
      await type(page, '/alumni-event');
      await modal(page).waitFor();
      await see(modal(page).locator('header h2'), 'Announce an event');
      await modal(page).locator(`[data-action-id="${EVENT_FIELDS.title}"]`).fill('新年会 New Year gathering');
      await modal(page).locator(`[data-action-id="${EVENT_FIELDS.place}"]`).fill('霞が関ビル 35階 東京倶楽部');
      await modal(page).locator(`[data-action-id="${EVENT_FIELDS.capacity}"]`).fill('30');
      await modal(page).locator(`[data-action-id="${EVENT_FIELDS.feePerPerson}"]`).fill('5000');
      await modal(page).locator(`[data-action-id="${EVENT_FIELDS.feePayer}"] input[type=radio]`).first().check();
      await modal(page).locator(`[data-action-id="${EVENT_FIELDS.format}"] input[type=radio]`).first().check();
      await shot(page, 'event-form');
      await modal(page).locator('button[type=submit]').click();
      await modal(page).waitFor({ state: 'detached' });

      // The announcement is posted with RSVP buttons and no answers yet.
      const announcement = page.locator('.msg', { hasText: '新年会 New Year gathering' }).filter({ has: page.locator(`[data-action-id="${ACTIONS.rsvpGoing}"]`) });
      await announcement.waitFor();
      await see(announcement, /(Going|参加) 0 · (Maybe|未定) 0/);
      await shot(page, 'announced');

      // A member answers "Going" …
      await viewAs(page, HANAKO);
      await see(announcement, /参加 0 · 未定 0/);
      await shot(page, 'member-sees-event');
      await announcement.locator(`[data-action-id="${ACTIONS.rsvpGoing}"]`).click();

      // … and the counts on the announcement change, for her and for the organizer.
      await see(announcement, /参加 1 · 未定 0/);
      await see(page.locator('body'), '「参加」で回答しました');
      await shot(page, 'member-going');
      await viewAs(page, EMILY);
      await see(announcement, /(Going|参加) 1 · (Maybe|未定) 0/);
      await shot(page, 'organizer-sees-count');

      expect(pageErrors).toEqual([]);
      expect(botErrors).toEqual([]);
      await page.context().close();
    },
    FLOW_TIMEOUT,
  );
  it(
    'the page shows the sandbox time, which “+1 day” moves on; the organizer attaches a CSV in her DM with the app and sees it there',
    async () => {
      const shot = screenshots('clock-and-csv');
      const { page, pageErrors } = await open(EMILY, 'app');
      await page.locator('[data-tab="messages"]').click();
      const clock = page.locator('#clock');
      await see(clock, 'サンドボックス時刻 / Sandbox time');
      const before = await clock.locator('b').innerText();
      await clock.getByRole('button', { name: '+1日 / +1 day' }).click();
      await see(clock, '+1 d');
      // The time shown follows the move (an earlier test may have moved the clock already).
      await expect.poll(() => clock.locator('b').innerText()).not.toBe(before);
      expect(sandbox.standIn.ws.offsetMs).toBeGreaterThanOrEqual(24 * 60 * 60_000);

      await page.locator('.composer input[data-upload]').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from('email,name\nsakura@example.org,新井 さくら\n') });
      const shared = page.locator('.msg', { hasText: 'Emily Carter' }).locator('a.file', { hasText: 'members.csv' });
      await shared.waitFor();
      await shot(page, 'csv-shared');
      const file = [...sandbox.standIn.ws.files.values()].find((f) => f.name === 'members.csv' && f.user === EMILY);
      expect(file?.bytes?.toString('utf8')).toContain('新井 さくら');
      expect(await shared.getAttribute('href')).toBe(`/sandbox/files/${file!.id}/members.csv?download=1`);

      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    FLOW_TIMEOUT,
  );
});
