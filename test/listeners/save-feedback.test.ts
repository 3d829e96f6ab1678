import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { events } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, EVENT_FIELDS, VIEWS } from '../../src/slack/ids';
import { ANNOUNCEMENTS_CHANNEL } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, viewSubmission } from '../helpers/payloads';
import { profileState, type ProfileAnswers } from '../helpers/profile-state';
import { eventCostValues } from '../helpers/event-form';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
const STAFF = 'U0STAFF';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [STAFF]: { email: 'taro@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
  },
  organizers: [ORGANIZER],
});

const f = { ja: ja.saveFeedback, en: en.saveFeedback };
const lastDm = (user: string) => ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === user).at(-1);

async function submitProfile(user: string, answers: ProfileAnswers = {}) {
  return ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.profile, values: profileState(answers) }));
}

/** The organizer's own profile: active at once (organizers need no approval). */
async function organizerSaves(answers: ProfileAnswers = {}) {
  ctx.slack.expect('chat.postMessage').expect('views.publish');
  expect(await submitProfile(ORGANIZER, answers)).toBeUndefined();
  return lastDm(ORGANIZER)?.text;
}

describe('feedback after saving the profile', () => {
  it('a registration with neither consent ticked is saved, and warned that nobody will see it', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    expect(await submitProfile(ALUMNA, { shareWithStaff: false, shareWithAlumni: false })).toBeUndefined();
    expect(lastDm(ALUMNA)?.text).toBe(
      [ja.profileCommand.submittedForApproval, f.ja.audienceOnceApproved.organizers, f.ja.noConsentWarning].join('\n'),
    );
    ctx.slack.assertDone();
  });

  it('a first save active at once says who can see the profile now', async () => {
    expect(await organizerSaves({ shareWithStaff: true, shareWithAlumni: true })).toBe(
      [f.en.profileSaved, f.en.audience.staffAndAlumni].join('\n'),
    );
    ctx.slack.assertDone();
  });

  it('saving with no change says nothing changed', async () => {
    await organizerSaves({ organisation: 'Blue Fund' });
    expect(await organizerSaves({ organisation: 'Blue Fund' })).toBe(f.en.profileUnchanged);
    ctx.slack.assertDone();
  });

  it('an edit names the fields it changed; a consent change says who can see the profile now', async () => {
    await organizerSaves({ organisation: 'Blue Fund', shareWithStaff: true, shareWithAlumni: false });
    expect(await organizerSaves({ organisation: 'Green Fund', shareWithStaff: true, shareWithAlumni: true })).toBe(
      [f.en.profileSaved, f.en.changed(`${f.en.fields.organisation}, ${f.en.fields.consent}`), f.en.audience.staffAndAlumni].join('\n'),
    );
    ctx.slack.assertDone();
  });

  it('withdrawing both consents is saved, says only organizers see it, and warns', async () => {
    await organizerSaves({ shareWithStaff: true });
    expect(await organizerSaves({ shareWithStaff: false, shareWithAlumni: false })).toBe(
      [f.en.profileSaved, f.en.changed(f.en.fields.consent), f.en.audience.organizers, f.en.noConsentWarning].join('\n'),
    );
    ctx.slack.assertDone();
  });

  it('current staff hear that only organizers see staff profiles, with no warning about consent', async () => {
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile(STAFF, { memberType: 'staff', yearLeft: null, shareWithStaff: false, shareWithAlumni: false });
    expect(lastDm(STAFF)?.text).toBe([f.ja.profileSaved, f.ja.audience.staffMember].join('\n'));
    ctx.slack.assertDone();
  });

  it('an approved member’s later edit is told in their language', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await submitProfile(ALUMNA);
    const member = (await createRepositories(ctx.database.db).members.findBySlackUserId(ALUMNA))!;
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member.id }));

    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile(ALUMNA, { topics: ['dx'] });
    expect(lastDm(ALUMNA)?.text).toBe([f.ja.profileSaved, f.ja.changed(f.ja.fields.topics)].join('\n'));
    ctx.slack.assertDone();
  });
});

describe('feedback after editing an event', () => {
  const START = Date.parse('2026-12-05T09:00:00Z') / 1000;
  const END = Date.parse('2026-12-05T11:00:00Z') / 1000;
  const values = (withChannel: boolean) => {
    const e = EVENT_FIELDS;
    return {
      [e.title]: { [e.title]: { type: 'plain_text_input', value: 'Year-end meetup' } },
      [e.startsAt]: { [e.startsAt]: { type: 'datetimepicker', selected_date_time: START } },
      [e.endsAt]: { [e.endsAt]: { type: 'datetimepicker', selected_date_time: END } },
      [e.place]: { [e.place]: { type: 'plain_text_input', value: 'Kasumigaseki 3F' } },
      [e.audience]: { [e.audience]: { type: 'radio_buttons', selected_option: { value: 'alumni' } } },
      [e.capacity]: { [e.capacity]: { type: 'number_input', value: '10' } },
      ...eventCostValues(),
      ...(withChannel ? { [e.channel]: { [e.channel]: { type: 'conversations_select', selected_conversation: ANNOUNCEMENTS_CHANNEL } } } : {}),
    };
  };

  it('an edit that changed nothing says so', async () => {
    ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' }).expect('chat.postMessage');
    await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: values(true) }));
    const [event] = await ctx.database.db.select().from(events);

    ctx.slack.expect('chat.update').expect('chat.postMessage');
    expect(
      await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: values(false), privateMetadata: event!.id })),
    ).toBeUndefined();
    expect(lastDm(ORGANIZER)?.text).toBe(f.en.eventUnchanged);
    ctx.slack.assertDone();
  });

  it('an edit that moved the place names it', async () => {
    ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' }).expect('chat.postMessage');
    await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: values(true) }));
    const [event] = await ctx.database.db.select().from(events);

    const moved = { ...values(false), [EVENT_FIELDS.place]: { [EVENT_FIELDS.place]: { type: 'plain_text_input', value: 'Online' } } };
    ctx.slack.expect('chat.update').expect('chat.postMessage');
    await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: moved, privateMetadata: event!.id }));
    expect(lastDm(ORGANIZER)?.text).toBe(`${en.events.updated}\n${f.en.eventChanged(en.events.changes.place)}`);
    ctx.slack.assertDone();
  });
});
