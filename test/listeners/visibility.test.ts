import { beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import type { NewMemberRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { newPseudonym } from '../../src/services/profile';
import { COMMANDS } from '../../src/slack/ids';
import { createTestApp } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { slashCommand } from '../helpers/payloads';

const STAFF = 'U0STAFF';
const ALUMNUS = 'U0ALUMNUS';
const ORGANIZER = 'U0ORGANIZER';
const PENDING_ALUMNUS = 'U0PENDING';
const STRANGER = 'U0STRANGER';

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'en-US' },
    [ALUMNUS]: { email: 'alumnus@fund.example', locale: 'en-US' },
    [ORGANIZER]: { email: 'org@example.org', locale: 'en-US' },
    [PENDING_ALUMNUS]: { email: 'pending@fund.example', locale: 'en-US' },
    [STRANGER]: { email: 'someone@gmail.example', locale: 'en-US' },
  },
  organizers: [ORGANIZER],
});

beforeEach(async () => {
  const repos = createRepositories(ctx.database.db);
  await repos.members.insert(member({ slackUserId: ALUMNUS, name: 'Viewer Alumnus', shareWithStaff: false, shareWithAlumni: false }));
  await repos.members.insert(member({ slackUserId: PENDING_ALUMNUS, name: 'Pending Viewer', status: 'pending', shareWithAlumni: true }));
});

function member(overrides: Partial<NewMemberRow>): NewMemberRow {
  return {
    pseudonym: newPseudonym(),
    memberType: 'alumni',
    status: 'active',
    name: 'Target Person',
    organisation: 'Fund',
    topics: ['dx'],
    monthlyCapacity: 2,
    interestedInReturning: true,
    ...overrides,
  };
}

async function addTarget(overrides: Partial<NewMemberRow>) {
  await createRepositories(ctx.database.db).members.insert(member({ slackUserId: 'U0TARGET', ...overrides }));
}

async function lookAt(viewer: string) {
  return ctx.harness.send(slashCommand({ command: COMMANDS.profile, user_id: viewer, text: '<@U0TARGET|target>' }));
}

const shown = (ack: any) => ack.blocks !== undefined;

describe('who may see a profile through /alumni-profile @someone', () => {
  it('staff see an alumnus who consented to staff, without organizer-only answers', async () => {
    await addTarget({ shareWithStaff: true, shareWithAlumni: false });
    const ack = await lookAt(STAFF);
    expect(shown(ack)).toBe(true);
    const json = JSON.stringify(ack.blocks);
    expect(json).toContain('Target Person');
    expect(json).not.toContain(en.profileCard.returning);
    expect(json).not.toContain(en.profileCard.consentStaff);
  });

  it('staff do not see an alumnus who opted out of staff', async () => {
    await addTarget({ shareWithStaff: false, shareWithAlumni: true });
    expect(await lookAt(STAFF)).toEqual({ response_type: 'ephemeral', text: en.profileCard.notShared });
  });

  it('a member who never answered the consent question is shown to nobody but organizers', async () => {
    await addTarget({ shareWithStaff: null, shareWithAlumni: null });
    expect(shown(await lookAt(STAFF))).toBe(false);
    expect(shown(await lookAt(ALUMNUS))).toBe(false);
    expect(shown(await lookAt(ORGANIZER))).toBe(true);
  });

  it('alumni see alumni who consented to alumni, and not those who consented only to staff', async () => {
    await addTarget({ shareWithStaff: true, shareWithAlumni: false });
    expect(shown(await lookAt(ALUMNUS))).toBe(false);
    await createRepositories(ctx.database.db).members.update(
      (await createRepositories(ctx.database.db).members.findBySlackUserId('U0TARGET'))!.id,
      { shareWithAlumni: true },
    );
    expect(shown(await lookAt(ALUMNUS))).toBe(true);
  });

  it('revoking consent takes effect at once', async () => {
    await addTarget({ shareWithStaff: true });
    expect(shown(await lookAt(STAFF))).toBe(true);
    const repos = createRepositories(ctx.database.db);
    await repos.members.update((await repos.members.findBySlackUserId('U0TARGET'))!.id, { shareWithStaff: false });
    expect(shown(await lookAt(STAFF))).toBe(false);
  });

  it('pending members are not shown, even when they consented', async () => {
    await addTarget({ status: 'pending', shareWithStaff: true, shareWithAlumni: true });
    expect(shown(await lookAt(STAFF))).toBe(false);
    expect(shown(await lookAt(ALUMNUS))).toBe(false);
  });

  it('a pending alumnus and a stranger see no one, whatever the consent', async () => {
    await addTarget({ shareWithStaff: true, shareWithAlumni: true });
    expect(shown(await lookAt(PENDING_ALUMNUS))).toBe(false);
    expect(shown(await lookAt(STRANGER))).toBe(false);
  });

  it('organizers see everyone, with status, consents and "interested in returning"', async () => {
    await addTarget({ status: 'pending', shareWithStaff: false, shareWithAlumni: false });
    const ack = await lookAt(ORGANIZER);
    const json = JSON.stringify(ack.blocks);
    expect(json).toContain(en.profileCard.returning);
    expect(json).toContain(en.status.pending);
  });

  it('an unknown user gets the same reply as a hidden one, revealing nothing', async () => {
    const unknown = await lookAt(STAFF);
    await addTarget({ shareWithStaff: false });
    expect(await lookAt(STAFF)).toEqual(unknown);
  });

  it('a member sees their own profile with their own private answers', async () => {
    const ack = await ctx.harness.send(slashCommand({ command: COMMANDS.profile, user_id: ALUMNUS, text: `<@${ALUMNUS}>` }));
    expect(JSON.stringify(ack.blocks)).toContain('Viewer Alumnus');
    expect(JSON.stringify(ack.blocks)).toContain(en.profileCard.consentStaff);
  });
});
