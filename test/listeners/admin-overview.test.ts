import { describe, expect, it } from 'vitest';
import { unix } from '../../src/blocks/event-time';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import { eventRsvps, members, unansweredSearches, type MemberRow, type NewEventRow, type NewIntroductionRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { listMembersForOrganizers, networkStats } from '../../src/services/admin-overview';
import { ja } from '../../src/i18n/ja';
import { COMMANDS } from '../../src/slack/ids';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { slashCommand } from '../helpers/payloads';
import { assertValidMessage } from '../helpers/slack-limits';

const ORGANIZER = 'U0ORGANIZER';
const ORGANIZER_JA = 'U0KANJI';
const ALUMNA = 'U0ALUMNA';
const STAFF = 'U0STAFF';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [ORGANIZER_JA]: { email: 'kanji@example.org', locale: 'ja-JP', realName: '幹事 花子' },
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '佐藤 花子' },
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
  },
  organizers: [ORGANIZER, ORGANIZER_JA],
  // 2026-11-24 18:00 in Tokyo: "this month" began at 2026-10-31T15:00Z.
  now: new Date('2026-11-24T09:00:00Z'),
});

const repos = () => createRepositories(ctx.database.db);
const admin = (user: string, text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.admin, user_id: user, text }));
const find = (user: string, text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: user, text }));
/** Everything the organizer reads in the answer's blocks, one string. */
const shown = (answer: any): string => answer.blocks.map((block: any) => block.text?.text ?? block.elements?.[0]?.text ?? '').join('\n');
/** The names listed, in order. */
const listed = (answer: any): string[] => [...shown(answer).matchAll(/^• \*(.+?)\*/gm)].map((match) => match[1]!);

const member = (overrides: Partial<MemberRow>) => repos().members.insert(memberRow(overrides));

async function givenRequest(overrides: Partial<NewIntroductionRow>) {
  return repos().introductions.insert({
    kind: 'direct',
    status: 'pending',
    requesterSlackUserId: STAFF,
    requesterName: '経産 太郎',
    requesterAudience: 'staff',
    topic: '再エネ 系統',
    purpose: 'policy_research',
    details: '系統接続の実務について',
    format: 'call',
    dueDate: '2026-12-10',
    ...overrides,
  });
}

async function givenEvent(overrides: Partial<NewEventRow>, going: { memberId: string; waitlisted?: boolean; answer?: 'going' | 'maybe' }[]) {
  const event = await createEventsRepository({ db: ctx.database.db }).insert({
    title: 'OB・OG交流会',
    startsAt: new Date('2026-11-10T09:00:00Z'),
    endsAt: new Date('2026-11-10T11:00:00Z'),
    place: '本館 会議室',
    audience: 'alumni',
    organizerSlackUserId: ORGANIZER,
    channelId: 'C0EVENTS',
    ...overrides,
  });
  for (const rsvp of going) {
    await ctx.database.db
      .insert(eventRsvps)
      .values({ eventId: event.id, memberId: rsvp.memberId, answer: rsvp.answer ?? 'going', waitlisted: rsvp.waitlisted ?? false });
  }
  return event;
}

/** Six members, one of each kind an organizer tells apart. */
async function givenMembers() {
  const hanako = await member({ name: '佐藤 花子', organisation: 'グリーン総研', slackUserId: ALUMNA });
  const pending = await member({
    name: 'Pending Person',
    organisation: 'Startup <Inc> & Co',
    status: 'pending',
    slackUserId: null,
    slackStanding: null,
    shareWithStaff: null,
    shareWithAlumni: null,
    profileConfirmedAt: null,
    createdAt: new Date('2026-11-10T00:00:00Z'),
  });
  const returnee = await member({
    name: 'Ret Urnee',
    organisation: 'Fund Partners',
    memberType: 'returnee',
    shareWithAlumni: true,
    createdAt: new Date('2026-11-02T00:00:00Z'),
  });
  const declined = await member({ name: 'Declined Dan', organisation: 'Independent', status: 'declined', shareWithStaff: false, createdAt: new Date('2026-06-01T00:00:00Z') });
  const staff = await member({ name: '経産 太郎', memberType: 'staff', organisation: '経済産業省', slackUserId: STAFF });
  const erased = await member({ name: null, organisation: null, status: 'erased', slackUserId: null, slackStanding: null });
  return { hanako, pending, returnee, declined, staff, erased };
}

describe('/alumni-admin members', () => {
  it('lists every member but the erased, by name, with status, type, consent, last confirmation, Slack link and requests this month', async () => {
    const { hanako } = await givenMembers();
    await givenRequest({ alumnusMemberId: hanako.id, status: 'accepted', createdAt: new Date('2026-11-02T00:00:00Z') });
    await givenRequest({ alumnusMemberId: hanako.id, createdAt: new Date('2026-11-20T00:00:00Z') });
    await givenRequest({ alumnusMemberId: hanako.id, status: 'expired', createdAt: new Date('2026-10-31T14:59:59Z') }); // last month in Tokyo

    const answer = await admin(ORGANIZER, 'members');

    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toBe(en.adminOverview.membersFallback(5, 5));
    expect(listed(answer)).toEqual(['Declined Dan', 'Pending Person', 'Ret Urnee', '佐藤 花子', '経産 太郎']);
    const text = shown(answer);
    expect(text).toContain(en.adminOverview.membersHeading(5));
    expect(text).toContain(
      `• *佐藤 花子* (グリーン総研) — Active · Alumni · shares with staff · confirmed <!date^${unix(new Date('2026-04-01T09:00:00Z'))}^{date_short_pretty}|2026-04-01> · on Slack · 2 requests this month`,
    );
    expect(text).toContain(
      '• *Pending Person* (Startup &lt;Inc&gt; &amp; Co) — Waiting for approval · Alumni · shares with nobody · never confirmed · not linked to Slack · 0 requests this month',
    );
    expect(text).toContain('• *Ret Urnee* (Fund Partners) — Active · Returnee · shares with staff & alumni ·');
    expect(text).not.toContain(en.adminOverview.noName);
    assertValidMessage(answer.blocks, answer.text);
    ctx.slack.assertDone();
  });

  it('narrows the list by status, type, Slack link, consent and text, in either language', async () => {
    await givenMembers();

    expect(listed(await admin(ORGANIZER, 'members pending'))).toEqual(['Pending Person']);
    expect(listed(await admin(ORGANIZER_JA, 'members 承認待ち'))).toEqual(['Pending Person']);
    expect(listed(await admin(ORGANIZER, 'members unlinked'))).toEqual(['Pending Person']);
    expect(listed(await admin(ORGANIZER_JA, 'members 同意なし'))).toEqual(['Declined Dan', 'Pending Person']);
    expect(listed(await admin(ORGANIZER, 'members no-consent declined'))).toEqual(['Declined Dan']);
    expect(listed(await admin(ORGANIZER, 'members returnee'))).toEqual(['Ret Urnee']);
    expect(listed(await admin(ORGANIZER, 'members active alumni'))).toEqual(['佐藤 花子']);
    expect(listed(await admin(ORGANIZER, 'members staff'))).toEqual(['経産 太郎']);
    expect(listed(await admin(ORGANIZER, 'members グリーン'))).toEqual(['佐藤 花子']);
    expect(listed(await admin(ORGANIZER, 'members fund URNEE'))).toEqual(['Ret Urnee']);
    // LIKE's own characters are matched as typed.
    expect(listed(await admin(ORGANIZER, 'members %'))).toEqual([]);
    expect(listed(await admin(ORGANIZER, 'members erased'))).toEqual([en.adminOverview.noName]);

    const nobody = await admin(ORGANIZER, 'members pending <!channel>');
    expect(nobody.text).toBe(en.adminOverview.noMembers);
    expect(shown(nobody)).toContain(en.adminOverview.membersHeadingFiltered(0, '“pending &lt;!channel&gt;”'));

    const ja_ = await admin(ORGANIZER_JA, 'members 出戻り');
    expect(shown(ja_)).toContain('• *Ret Urnee* (Fund Partners) — 有効 · 出戻り · 職員・OB/OGに公開 ·');
    expect(shown(ja_)).toContain(ja.adminOverview.requestsThisMonth(0));
    ctx.slack.assertDone();
  });

  it('keeps 130 members with the longest names within Slack’s limits and says how many more to narrow down', async () => {
    await ctx.database.db.insert(members).values(
      Array.from({ length: 130 }, (_, i) =>
        memberRow({
          name: `${'&'.repeat(90)}${String(i).padStart(3, '0')}`,
          organisation: '<株式会社>'.repeat(30),
          profileConfirmedAt: new Date('2026-09-01T00:00:00Z'),
        }),
      ),
    );

    const answer = await admin(ORGANIZER, 'members');

    assertValidMessage(answer.blocks, answer.text);
    const count = listed(answer).length;
    expect(count).toBeGreaterThan(10);
    expect(count).toBeLessThan(130);
    expect(answer.text).toBe(en.adminOverview.membersFallback(count, 130));
    expect(shown(answer)).toContain(en.adminOverview.more(130 - count));
    ctx.slack.assertDone();
  });

  it('is refused to anyone but organizers', async () => {
    await givenMembers();
    expect(await admin(ALUMNA, 'members')).toEqual({ response_type: 'ephemeral', text: ja.common.notOrganizer });
    expect(await admin(STAFF, 'stats')).toEqual({ response_type: 'ephemeral', text: ja.common.notOrganizer });
    ctx.slack.assertDone();
  });

  it('is refused by the services themselves, whoever calls them, to someone who is not an organizer', async () => {
    await givenMembers();
    const services = ctx.harness.deps.services;

    await expect(listMembersForOrganizers(services, { organizerSlackUserId: STAFF, text: '' })).rejects.toMatchObject({ code: 'not_organizer' });
    await expect(networkStats(services, { organizerSlackUserId: ALUMNA })).rejects.toMatchObject({ code: 'not_organizer' });
    expect((await listMembersForOrganizers(services, { organizerSlackUserId: ORGANIZER, text: '' })).members).toHaveLength(5);
  });

  it('is listed, with stats, in the help', async () => {
    const help = await admin(ORGANIZER_JA, 'help');
    expect(help.text).toBe(ja.admin.help);
    expect(help.text).toContain('/alumni-admin members');
    expect(help.text).toContain('/alumni-admin stats');
    expect(en.admin.help).toContain('/alumni-admin members [filter]');
  });
});

describe('/alumni-admin stats', () => {
  it('counts members, introductions, events and the searches that found nobody, this month (Japan time) and in all', async () => {
    const { hanako, pending, returnee, staff } = await givenMembers();
    // This month: made 3; answered 2 h and 6 h after the request; one of last month's expired.
    await givenRequest({
      alumnusMemberId: hanako.id,
      status: 'accepted',
      createdAt: new Date('2026-11-02T00:00:00Z'),
      answeredAt: new Date('2026-11-02T02:00:00Z'),
    });
    await givenRequest({
      alumnusMemberId: hanako.id,
      status: 'declined',
      createdAt: new Date('2026-11-03T00:00:00Z'),
      answeredAt: new Date('2026-11-03T06:00:00Z'),
    });
    await givenRequest({ alumnusMemberId: hanako.id, createdAt: new Date('2026-11-20T00:00:00Z') });
    await givenRequest({
      alumnusMemberId: returnee.id,
      status: 'expired',
      createdAt: new Date('2026-10-01T00:00:00Z'),
      answeredAt: new Date('2026-11-05T00:00:00Z'),
    });
    // Before: accepted two days after.
    await givenRequest({
      alumnusMemberId: returnee.id,
      status: 'accepted',
      createdAt: new Date('2026-09-01T00:00:00Z'),
      answeredAt: new Date('2026-09-03T00:00:00Z'),
    });
    // Held this month: 2 with a place (a maybe and a waitlisted one do not count); held before: 1.
    await givenEvent({}, [
      { memberId: hanako.id },
      { memberId: returnee.id },
      { memberId: staff.id, answer: 'maybe' },
      { memberId: pending.id, waitlisted: true },
    ]);
    await givenEvent({ startsAt: new Date('2026-10-15T09:00:00Z'), endsAt: new Date('2026-10-15T11:00:00Z') }, [{ memberId: hanako.id }]);
    // Not held: still to come, or cancelled.
    await givenEvent({ startsAt: new Date('2026-12-05T09:00:00Z'), endsAt: new Date('2026-12-05T11:00:00Z') }, [{ memberId: hanako.id }]);
    await givenEvent({ status: 'cancelled', startsAt: new Date('2026-11-05T09:00:00Z') }, [{ memberId: returnee.id }]);
    // Two searches staff made that found nobody: one on a known topic, one on none.
    expect((await find(STAFF, '半導体')).text).toBe(ja.findExpert.noMatch('半導体'));
    expect((await find(STAFF, 'xyzzy plugh')).text).toBe(ja.findExpert.noMatch('xyzzy plugh'));
    await ctx.database.db.insert(unansweredSearches).values({
      searchId: '7c9e6679-7425-40de-944b-000000000001',
      topicKey: 'semiconductors',
      searchedAt: new Date('2026-10-20T00:00:00Z'),
    });

    const answer = await admin(ORGANIZER, 'stats');

    const o = en.adminOverview;
    const text = shown(answer);
    expect(text).toContain(o.statsHeading('2026-11'));
    expect(text).toContain(`${o.membersByStatus}\nWaiting for approval 1 · Active 3 · Declined 1 · Erased 1`);
    expect(text).toContain(`${o.membersByType}\nAlumni 3 · Staff 1 · Returnee 1\n${o.newThisMonth(2)}`);
    expect(text).toContain(`• This month: ${o.introductions(3, 1, 1, 1)} · ${o.medianAnswer('4 h 0 min')}`);
    expect(text).toContain(`• All time: ${o.introductions(5, 2, 1, 1)} · ${o.medianAnswer('6 h 0 min')}`);
    expect(text).toContain(`${o.eventsHeading}\n• This month: ${o.events(1, 2)}\n• All time: ${o.events(2, 3)}`);
    expect(text).toContain(
      [o.unansweredHeading, o.unansweredSearches(2, 3), `• ${o.unansweredTopic('Semiconductors', 1, 2)}`, `• ${o.unansweredTopic(o.otherTopic, 1, 1)}`].join(
        '\n',
      ),
    );
    assertValidMessage(answer.blocks, answer.text);

    const inJapanese = shown(await admin(ORGANIZER_JA, 'stats'));
    expect(inJapanese).toContain(`• 今月: ${ja.adminOverview.introductions(3, 1, 1, 1)} · ${ja.adminOverview.medianAnswer('4時間0分')}`);
    expect(inJapanese).toContain(`• ${ja.adminOverview.unansweredTopic('半導体', 1, 2)}`);
    ctx.slack.assertDone();
  });

  it('records a search that found nobody by its topics and day only, never its words, who searched or when exactly', async () => {
    await member({ name: '佐藤 花子', topics: ['energy_gx'] });

    await find(STAFF, '半導体 秘密の案件');
    await find(STAFF, 'xyzzy plugh');

    const rows = await ctx.database.db.select().from(unansweredSearches);
    expect(rows.map((row) => row.topicKey).sort()).toEqual(['other', 'semiconductors']);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['id', 'searchId', 'searchedAt', 'topicKey']);
      // The day in Tokyo, not the time: it cannot be matched with the searcher's rate-limit entries.
      expect(row.searchedAt).toEqual(new Date('2026-11-23T15:00:00Z'));
    }
    const stored = JSON.stringify(rows);
    for (const word of ['秘密', 'xyzzy', 'plugh', STAFF]) expect(stored).not.toContain(word);
  });

  it('says so when every search found someone and nothing was answered yet', async () => {
    const answer = await admin(ORGANIZER, 'stats');
    const text = shown(answer);
    expect(text).toContain(`• This month: ${en.adminOverview.introductions(0, 0, 0, 0)} · ${en.adminOverview.noAnswers}`);
    expect(text).toContain(en.adminOverview.noUnanswered);
    assertValidMessage(answer.blocks, answer.text);
  });
});
