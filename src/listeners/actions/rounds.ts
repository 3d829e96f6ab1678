import type { RoundAnswer } from '../../db/schema';
import { answerRoundPair } from '../../services/round-pairs';
import { stepBackFromRounds } from '../../services/rounds';
import { roundPairValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';
import { openRoundJoinModal, openRoundSetupModal } from '../shared/rounds';

/** "Join rounds" / "What I am curious about" (App Home): the join form. */
export function handleRoundJoinButton(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, client }) => {
    await openRoundJoinModal(deps, client, { slackUserId: body.user.id, triggerId: body.trigger_id });
  });
}

/** "Set up rounds" (App Home, organizers): the settings form. */
export function handleRoundSetupButton(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, client }) => {
    await openRoundSetupModal(deps, client, { slackUserId: body.user.id, triggerId: body.trigger_id });
  });
}

/** "Pause" / "Leave" (App Home): whose participation comes from Slack's user, never the payload; the Home redrawn. */
export function handleRoundStepBack(deps: ListenerDeps, status: 'paused' | 'left') {
  return guardButton(deps, async (args) => {
    const user = await identify(deps, args.body.user.id);
    const done = await stepBackFromRounds(deps.services, user.slackUserId, status);
    const r = user.t.rounds;
    await privateReply(args)(done === 'not_joined' ? r.notJoinedYet : status === 'paused' ? r.pausedNow : r.leftNow);
    await publishHome(deps, args.client, user);
  });
}

/** "We met" / "Not yet" / "Skip this round" in a pair's group DM: only someone of the pair may answer. */
export function handleRoundAnswer(deps: ListenerDeps, answer: NonNullable<RoundAnswer>) {
  return guardButton(deps, async (args) => {
    const user = await identify(deps, args.body.user.id);
    const tell = privateReply(args);
    const a = user.t.rounds.answer;
    const pairId = roundPairValue.safeParse(args.action.type === 'button' ? args.action.value : undefined);
    if (!pairId.success) return tell(a.notInPair);
    const result = await answerRoundPair(deps.services, user.slackUserId, pairId.data, answer);
    await tell(result === 'recorded' ? a[answer] : result === 'round_over' ? a.gone : a.notInPair);
  });
}
