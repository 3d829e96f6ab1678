import { messageJson } from './api-common';
import { checkView } from './block-check';
import { sendToBot } from './bot-link';
import { actionTs, failureOf, type InteractionResult, type SandboxContext } from './context';
import { personOf } from './interactions';
import { blockActionsPayload, viewSubmissionPayload } from './payloads';
import { clientChecks, elementState, stateValues, type Entered, type EnteredValue } from './view-state';
import { slackView } from './view-store';

type Json = Record<string, any>;

/** Where a click happened: a message in a conversation, or a view (modal or App Home). */
export type ClickSource = { channelId: string; messageTs: string } | { viewId: string };

/** The element a block_id/action_id pair names, wherever it sits in the blocks. */
function findElement(blocks: Json[], blockId: string, actionId: string): Json | undefined {
  const block = blocks.find((candidate) => candidate.block_id === blockId);
  if (!block) return undefined;
  const elements = block.type === 'input' ? [block.element] : block.type === 'actions' ? block.elements : [block.accessory];
  return (elements ?? []).find((element: Json | undefined) => element?.action_id === actionId);
}

/** The action as Slack reports it: the element's identity, and what was chosen (a button: its value). */
function actionJson(element: Json, blockId: string, entered: EnteredValue | undefined): Json {
  const base = { action_id: element.action_id, block_id: blockId, action_ts: actionTs() };
  if (element.type === 'button') {
    return {
      ...base,
      type: 'button',
      text: element.text,
      ...(element.value !== undefined ? { value: element.value } : {}),
      ...(element.style ? { style: element.style } : {}),
      ...(element.url ? { url: element.url } : {}),
    };
  }
  return { ...base, ...elementState(element, entered) };
}

/**
 * A click on a button, an overflow option or a select: block_actions with a trigger_id, the state
 * of the surface's inputs, and — from a message — a response_url that replaces or deletes it.
 */
export async function clickAction(
  ctx: SandboxContext,
  input: { userId: string; source: ClickSource; blockId: string; actionId: string; value?: EnteredValue; inputs?: Entered },
): Promise<InteractionResult> {
  const { ws } = ctx;
  const user = personOf(ws, input.userId);
  if (!user) return { ok: false, error: 'user_not_found' };
  let from: Parameters<typeof blockActionsPayload>[0]['from'];
  let blocks: Json[];
  if ('viewId' in input.source) {
    const record = ws.views.byId(input.source.viewId);
    if (!record || record.userId !== user.id || !ws.views.isOpen(record)) return { ok: false, error: 'view_not_found' };
    blocks = record.definition.blocks ?? [];
    from = { kind: 'view', view: slackView(record) };
  } else {
    const conversation = ws.conversations.get(input.source.channelId);
    const message = conversation && ws.canSee(user.id, conversation) ? ws.findMessage(conversation.id, input.source.messageTs) : undefined;
    if (!conversation || !message || (message.ephemeralTo && message.ephemeralTo !== user.id)) return { ok: false, error: 'message_not_found' };
    blocks = message.blocks ?? [];
    const responseId = ws.issueResponseUrl({ kind: 'message', userId: user.id, channelId: conversation.id, messageTs: message.ts });
    from = {
      kind: 'message',
      conversation,
      message: messageJson(ws, message, ctx.baseUrl),
      ephemeral: Boolean(message.ephemeralTo),
      responseUrl: `${ctx.baseUrl}/respond/${responseId}`,
    };
  }
  const element = findElement(blocks, input.blockId, input.actionId);
  if (!element) return { ok: false, error: 'action_not_found' };
  const payload = blockActionsPayload({
    user,
    triggerId: ws.issueTrigger(user.id),
    action: actionJson(element, input.blockId, input.value),
    state: { values: stateValues(blocks, input.inputs) },
    from,
  });
  const bot = ctx.bot();
  const reply = bot ? await sendToBot(bot, { form: { payload: JSON.stringify(payload) } }) : { status: 0, body: undefined };
  if (reply.status === 200) return { ok: true };
  ws.notify({ userId: user.id, level: 'error', text: `${input.actionId}: the app answered ${failureOf(reply.status)}` });
  return { ok: false, error: failureOf(reply.status) };
}

const UNAVAILABLE = { ja: '接続中に問題が発生しました。もう一度お試しください。', en: 'We had some trouble connecting. Try again?' };

/**
 * Submitting the top modal: the client's own checks first (required fields, numbers), then
 * view_submission, and whatever the app answers — nothing (close), errors, update, push or clear.
 */
export async function submitView(ctx: SandboxContext, input: { userId: string; viewId: string; inputs?: Entered }): Promise<InteractionResult> {
  const { ws } = ctx;
  const user = personOf(ws, input.userId);
  const record = ws.views.byId(input.viewId);
  if (!user || !record || record.userId !== user.id || ws.views.top(user.id) !== record) return { ok: false, error: 'view_not_found' };
  const blocks: Json[] = record.definition.blocks ?? [];
  const values = stateValues(blocks, input.inputs);
  const local = clientChecks(blocks, values, user.locale);
  if (Object.keys(local).length > 0) {
    ws.views.setErrors(record, local);
    return { ok: true, outcome: 'invalid', errors: local };
  }
  const payload = viewSubmissionPayload({ user, triggerId: ws.issueTrigger(user.id), view: slackView(record, { values }) });
  const bot = ctx.bot();
  const reply = bot ? await sendToBot(bot, { form: { payload: JSON.stringify(payload) } }) : { status: 0, body: undefined };
  const unavailable = user.locale.startsWith('ja') ? UNAVAILABLE.ja : UNAVAILABLE.en;
  if (reply.status !== 200) {
    ws.views.setErrors(record, {}, unavailable);
    return { ok: false, error: failureOf(reply.status) };
  }
  const answer: Json = typeof reply.body === 'object' && reply.body !== null ? reply.body : {};
  switch (answer.response_action) {
    case 'errors': {
      const errors: Record<string, string> = answer.errors ?? {};
      const inputIds = new Set(blocks.filter((block) => block.type === 'input').map((block) => block.block_id));
      const strays = Object.keys(errors).filter((id) => !inputIds.has(id));
      if (strays.length > 0) {
        // Slack refuses the whole answer when an error names a block that is not an input of the view.
        ws.notify({ userId: user.id, level: 'error', text: `response_action errors name blocks that are not inputs: ${strays.join(', ')}` });
        ws.views.setErrors(record, {}, unavailable);
        return { ok: false, error: 'invalid_errors' };
      }
      ws.views.setErrors(record, errors);
      return { ok: true, outcome: 'errors', errors };
    }
    case 'update':
    case 'push': {
      const problems = checkView(answer.view, 'modal');
      if (problems.length > 0) {
        ws.notify({ userId: user.id, level: 'error', text: `response_action ${answer.response_action}: ${problems.slice(0, 3).join('; ')}` });
        ws.views.setErrors(record, {}, unavailable);
        return { ok: false, error: 'invalid_arguments' };
      }
      if (answer.response_action === 'update') ws.views.update(record, answer.view);
      else if (typeof ws.views.push(user.id, answer.view) === 'string') return { ok: false, error: 'push_limit_reached' };
      return { ok: true, outcome: answer.response_action === 'update' ? 'updated' : 'pushed' };
    }
    case 'clear':
      ws.views.clear(user.id);
      return { ok: true, outcome: 'cleared' };
    default:
      if (ws.views.top(user.id) === record) ws.views.pop(user.id);
      return { ok: true, outcome: 'closed' };
  }
}

/** Cancel (back to the view underneath) or the close box (the whole stack). No view_closed: the app asks for none. */
export function closeView(ctx: SandboxContext, input: { userId: string; viewId: string; all?: boolean }): InteractionResult {
  const record = ctx.ws.views.byId(input.viewId);
  if (!record || record.userId !== input.userId || !ctx.ws.views.isOpen(record)) return { ok: false, error: 'view_not_found' };
  if (input.all) ctx.ws.views.clear(input.userId);
  else ctx.ws.views.pop(input.userId);
  return { ok: true, outcome: input.all ? 'cleared' : 'closed' };
}
