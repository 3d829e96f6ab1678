import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { events } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { EVENT_FIELDS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { ANNOUNCEMENTS_CHANNEL } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { viewSubmission } from '../helpers/payloads';
import { profileState, type ProfileAnswers } from '../helpers/profile-state';
import { eventCostValues } from '../helpers/event-form';

const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';
const ORGANIZER = 'U0ORGANIZER';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ALUMNUS]: { email: 'jiro@fund.example', locale: 'en-US', realName: 'Jiro Sato' },
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'ja-JP', realName: '幹事 一郎' },
  },
  organizers: [ORGANIZER],
  now: new Date('2026-11-24T09:00:00Z'),
});

const repos = () => createRepositories(ctx.database.db);
const errors = (byBlock: Record<string, string>) => ({ response_action: 'errors', errors: byBlock });

describe('numbers typed with a Japanese input method', () => {
  const submitProfile = (user: string, answers: ProfileAnswers) =>
    ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.profile, values: profileState(answers) }));

  it('reads full-width and mixed digits in the profile form as the same numbers, full-width spaces around them ignored', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    expect(await submitProfile(ALUMNA, { yearJoined: '２００５', yearLeft: '20１9', capacity: '\u3000２\u3000' })).toBeUndefined();
    expect(await repos().members.findBySlackUserId(ALUMNA)).toMatchObject({ yearJoined: 2005, yearLeft: 2019, monthlyCapacity: 2 });
    ctx.slack.assertDone();
  });

  it('still refuses what is not a number (kanji numerals, a fraction), or out of range, on its field in the member’s language', async () => {
    expect(await submitProfile(ALUMNA, { yearJoined: '二〇〇五', yearLeft: '１９４９', capacity: '２.５' })).toEqual(
      errors({
        [PROFILE_FIELDS.yearJoined]: ja.validation.yearRange(1950, 2026),
        [PROFILE_FIELDS.yearLeft]: ja.validation.yearRange(1950, 2026),
        [PROFILE_FIELDS.capacity]: ja.validation.capacityRange,
      }),
    );
    expect(await submitProfile(ALUMNUS, { yearJoined: '2005', yearLeft: '２０１９', capacity: '１１' })).toEqual(
      errors({ [PROFILE_FIELDS.capacity]: en.validation.capacityRange }),
    );
    expect(await repos().members.findBySlackUserId(ALUMNA)).toBeUndefined();
    expect(await repos().members.findBySlackUserId(ALUMNUS)).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('reads a full-width capacity in the event form, and stores the event with that number', async () => {
    const f = EVENT_FIELDS;
    const values = (capacity: string) => ({
      [f.title]: { [f.title]: { type: 'plain_text_input', value: '年末交流会' } },
      [f.startsAt]: { [f.startsAt]: { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-05T09:00:00Z') / 1000 } },
      [f.endsAt]: { [f.endsAt]: { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-05T11:00:00Z') / 1000 } },
      [f.place]: { [f.place]: { type: 'plain_text_input', value: '霞が関ビル 3F' } },
      [f.description]: { [f.description]: { type: 'plain_text_input', value: null } },
      [f.audience]: { [f.audience]: { type: 'radio_buttons', selected_option: { value: 'alumni' } } },
      [f.capacity]: { [f.capacity]: { type: 'number_input', value: capacity } },
      [f.rsvpDeadline]: { [f.rsvpDeadline]: { type: 'datetimepicker', selected_date_time: null } },
      [f.channel]: { [f.channel]: { type: 'conversations_select', selected_conversation: ANNOUNCEMENTS_CHANNEL } },
      ...eventCostValues(),
    });
    const submit = (capacity: string) => ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values: values(capacity) }));

    expect(await submit('３x')).toEqual(errors({ [f.capacity]: ja.events.errors.capacityPositive }));
    expect(await submit('０')).toEqual(errors({ [f.capacity]: ja.events.errors.capacityPositive }));
    expect(await ctx.database.db.select().from(events)).toEqual([]);

    ctx.slack.expect('chat.postMessage', { channel: ANNOUNCEMENTS_CHANNEL, ts: '1800000000.000100' }).expect('chat.postMessage');
    expect(await submit('３０')).toBeUndefined();
    const [event] = await ctx.database.db.select().from(events);
    expect(event).toMatchObject({ capacity: 30, title: '年末交流会' });
    ctx.slack.assertDone();
  });
});
