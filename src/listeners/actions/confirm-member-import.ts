import { buildImportDecision } from '../../blocks/member-import-preview';
import { cancelMemberImport, confirmMemberImport, DRAFT_LIFETIME_MS, type DraftDecision } from '../../services/member-import-draft';
import { memberImportDraftValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply, type ButtonArgs } from '../shared/guard';
import { identify, type IdentifiedUser } from '../shared/identify';

/**
 * The preview is replaced by what happened (or by the state a double click finds), so its buttons
 * go. A draft that is not the clicker's (a forged value) is answered privately and touches nothing.
 * This answer is the clicker's own feedback, lost harmlessly with the request: a second click
 * shows the stored summary again.
 */
async function show(args: ButtonArgs, user: IdentifiedUser, decision: DraftDecision) {
  const message = buildImportDecision({ t: user.t, decision, lifetimeHours: DRAFT_LIFETIME_MS / 3_600_000 });
  if (decision.kind === 'not_found') {
    await privateReply(args)(message.text);
  } else if (args.body.response_url) {
    await args.respond({ replace_original: true, ...message });
  } else {
    await args.client.chat.postMessage({ channel: user.slackUserId, ...message });
  }
}

/** The draft named by the button, or undefined for a forged or garbled value. */
function draftIdOf(args: ButtonArgs): string | undefined {
  const parsed = memberImportDraftValue.safeParse(args.action.type === 'button' ? args.action.value : undefined);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Confirm under an import preview: only the organizer who uploaded the file, still an organizer
 * (the service checks both), imports it, once. Slack is not asked (it allows ~50 lookups a
 * minute): members are linked by email when they first use the bot or first appear in a search.
 */
export function handleConfirmMemberImport(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const user = await identify(deps, args.body.user.id);
    const draftId = draftIdOf(args);
    if (!draftId) return show(args, user, { kind: 'not_found' });
    await show(args, user, await confirmMemberImport(deps.services, { draftId, slackUserId: user.slackUserId }));
  });
}

/** Cancel under an import preview: the draft is dropped, nothing imported. */
export function handleCancelMemberImport(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const user = await identify(deps, args.body.user.id);
    const draftId = draftIdOf(args);
    if (!draftId) return show(args, user, { kind: 'not_found' });
    await show(args, user, await cancelMemberImport(deps.services, { draftId, slackUserId: user.slackUserId }));
  });
}
