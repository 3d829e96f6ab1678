import { toLocale } from '../i18n';
import { decideRegistration } from '../services/approvals';
import { saveProfile } from '../services/profile';
import { joinRounds, saveRoundSettings } from '../services/rounds';
import { validateProfile } from '../services/profile-rules';
import { ACTIONS, EVENT_FIELDS, VIEWS } from '../slack/ids';
import { runTyped } from './interactions';
import { profileOf, SANDBOX_CHANNELS, type Persona } from './personas';
import type { Sandbox } from './sandbox';
import { clickAction, submitView } from './view-actions';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Registers the personas' profiles through the app's own services: alumni are approved by the
 * organizer, except one left pending, whose approval request the bot posts to #organizers.
 */
export async function seedProfiles(sandbox: Sandbox): Promise<void> {
  const { deps, personas } = sandbox;
  const organizer = personas.find((p) => p.organizer);
  const now = deps.services.clock();
  for (const persona of personas.filter((p): p is Persona & { profile: object } => p.profile !== undefined)) {
    const input = profileOf(persona);
    const actor = { slackUserId: persona.id, standing: 'member' as const, email: persona.email, realName: persona.realName, locale: toLocale(persona.locale, 'ja') };
    const errors = validateProfile(input, { currentYear: now.getUTCFullYear(), actor, staffEmailDomains: deps.services.staffEmailDomains });
    if (errors.length > 0) throw new Error(`demo profile of ${persona.name} is invalid: ${JSON.stringify(errors)}`);
    const { member, outcome, deliveryIds } = await saveProfile(deps.services, actor, input);
    if (outcome !== 'created_pending') continue;
    if (persona.pending || !organizer) await deps.deliveries.deliverNow(deliveryIds);
    else await decideRegistration(deps.services, { organizerSlackUserId: organizer.id, memberId: member.id, decision: 'approve' });
  }
}

/**
 * Announces a meetup three days ahead the way an organizer does (the /alumni-event modal, through
 * the stand-in), and has two members answer "Going", so their reminders are scheduled.
 */
export async function seedEvent(sandbox: Sandbox): Promise<void> {
  const { standIn, personas } = sandbox;
  const { ws, ctx } = standIn;
  const organizer = personas.find((p) => p.organizer);
  if (!organizer) return;
  await runTyped(ctx, { userId: organizer.id, channelId: SANDBOX_CHANNELS.announcements, text: '/alumni-event' });
  // The modal opens loading, then the bot fills in the form.
  const modal = await ws.waitFor(() => ws.views.top(organizer.id)?.definition.callback_id === VIEWS.event && ws.views.top(organizer.id));
  const start = new Date(Math.floor((ws.now() + 3 * DAY_MS) / DAY_MS) * DAY_MS + 9 * 60 * 60_000); // 18:00 in Tokyo
  const field = (id: string, value: Record<string, unknown>) => ({ [id]: { [id]: value } });
  const submitted = await submitView(ctx, {
    userId: organizer.id,
    viewId: modal.id,
    inputs: {
      ...field(EVENT_FIELDS.title, { value: '秋の交流会 Autumn meetup' }),
      ...field(EVENT_FIELDS.startsAt, { dateTime: start.getTime() / 1000 }),
      ...field(EVENT_FIELDS.endsAt, { dateTime: start.getTime() / 1000 + 2 * 3600 }),
      ...field(EVENT_FIELDS.place, { value: '霞が関ビル 35階 東京倶楽部 / https://meet.example/kakehashi' }),
      ...field(EVENT_FIELDS.description, { value: '近況報告と政策談義の会です。Catch-up and policy talk; snacks provided.' }),
      ...field(EVENT_FIELDS.audience, { selected: 'all' }),
      ...field(EVENT_FIELDS.capacity, { value: '20' }),
      ...field(EVENT_FIELDS.feePerPerson, { value: '3000' }),
      ...field(EVENT_FIELDS.feePayer, { selected: 'each_attendee' }),
      ...field(EVENT_FIELDS.format, { selected: 'standing' }),
    },
  });
  if (!submitted.ok || submitted.outcome !== 'closed') throw new Error(`the demo event was refused: ${JSON.stringify(submitted)}`);
  const announcement = ws.messages.find(
    (m) => m.channel === SANDBOX_CHANNELS.announcements && m.blocks?.some((b) => JSON.stringify(b).includes(ACTIONS.rsvpGoing)),
  );
  if (!announcement) throw new Error('the demo event was not announced');
  for (const persona of personas.filter((p) => p.profile && !p.pending && !p.organizer).slice(0, 2)) {
    const before = ws.scheduled.size;
    // Looked up for each click: Slack gives the blocks new IDs whenever the bot redraws the message.
    const block = announcement.blocks!.find((b) => JSON.stringify(b).includes(ACTIONS.rsvpGoing))!;
    const clicked = await clickAction(ctx, {
      userId: persona.id,
      source: { channelId: announcement.channel, messageTs: announcement.ts },
      blockId: String(block.block_id),
      actionId: ACTIONS.rsvpGoing,
    });
    if (!clicked.ok) throw new Error(`${persona.name} could not answer the demo event: ${clicked.error}`);
    await ws.waitFor(() => ws.scheduled.size > before);
  }
}

/** Who joins rounds in the demo, and what a staff member is curious about. */
const ROUND_JOINERS: { id: string; curiousTopics: string[]; curiousText: string | null }[] = [
  { id: 'U0TARO', curiousTopics: ['renewable_energy', 'startups'], curiousText: '官民を行き来するキャリアについて聞いてみたいです。' },
  { id: 'U0HANAKO', curiousTopics: [], curiousText: null },
];

/**
 * Rounds set up by the organizer (every 2 weeks, the first starting tomorrow at 10:00 in Tokyo, any
 * staff), with a staff member and an alumna joined: moving the clock a day on starts a round and
 * shows their group DM. Through the app's own services, as the forms would save them.
 */
export async function seedRounds(sandbox: Sandbox): Promise<void> {
  const { deps, personas } = sandbox;
  const organizer = personas.find((p) => p.organizer);
  if (!organizer) return;
  const now = deps.services.clock().getTime();
  const tomorrow = new Date(Math.floor((now + 9 * 60 * 60_000) / DAY_MS) * DAY_MS + DAY_MS + 60 * 60_000); // 10:00 in Tokyo
  await saveRoundSettings(deps.services, organizer.id, {
    enabled: true,
    cadence: 'biweekly',
    nextStartAt: tomorrow,
    staffMaxYears: null,
    pairSize: 2,
    mix: 'staff_alumni',
    flaggedPairs: 'notice',
    noRepeatRounds: 6,
  });
  for (const joiner of ROUND_JOINERS.filter(({ id }) => personas.some((p) => p.id === id && p.profile && !p.pending))) {
    const joined = await joinRounds(deps.services, joiner.id, { curiousTopics: joiner.curiousTopics, curiousText: joiner.curiousText });
    if (joined.kind === 'refused') throw new Error(`${joiner.id} could not join the demo rounds: ${joined.refusal}`);
  }
}

/** The whole demo: profiles, a pending registration, an event with answers and reminders, rounds about to start. */
export async function seedDemo(sandbox: Sandbox): Promise<void> {
  await seedProfiles(sandbox);
  await seedEvent(sandbox);
  await seedRounds(sandbox);
}
