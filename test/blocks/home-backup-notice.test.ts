import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../src/blocks/home';
import { t } from '../../src/i18n';
import { memberRow } from '../helpers/factories';
import { assertValidHome } from '../helpers/slack-limits';
import { visibleText } from './inspect';

describe.each(['ja', 'en'] as const)('the failed-backup notice on the organizers’ Home, in %s', (locale) => {
  const messages = t(locale);
  const organizerHome = (backupFailure?: { day: string; error: string }) =>
    buildHomeView({ t: messages, locale, member: memberRow(), pending: { rows: [], total: 0 }, ...(backupFailure ? { backupFailure } : {}) });

  it('says which day’s backup failed and why, escaped, before the organizer tools', () => {
    const home = organizerHome({ day: '2026-12-02', error: 'ENOSPC: no space left on device <disk> & more' });
    assertValidHome(home);
    const text = visibleText(home.blocks);
    expect(text).toContain(messages.backups.failedNotice('2026-12-02', 'ENOSPC: no space left on device &lt;disk&gt; &amp; more'));
    expect(text).toContain('2026-12-02');
  });

  it('shows nothing when the backups are fine', () => {
    const text = visibleText(organizerHome().blocks);
    expect(text).not.toContain(messages.backups.failedNotice('', '').slice(0, 12));
  });
});
