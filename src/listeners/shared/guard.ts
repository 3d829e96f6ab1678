import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { t } from '../../i18n';
import type { ListenerDeps } from '../deps';
import { requestCommitted, withRequestScope } from '../../db/request-scope';
import { describeError, isExpected, userMessageFor } from './errors';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type ShortcutArgs = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;
export type EventArgs<Type extends string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;

function report(deps: ListenerDeps, error: unknown, context: Record<string, unknown>): void {
  if (isExpected(error)) deps.logger.info('refused', { ...context, ...describeError(error) });
  else deps.logger.error('listener failed', { ...context, ...describeError(error) });
}

async function messageFor(deps: ListenerDeps, slackUserId: string, error: unknown): Promise<string> {
  return userMessageFor(error, t(await deps.directory.localeOf(slackUserId)), requestCommitted());
}

/**
 * How long a form submission may be checked before Slack is acknowledged anyway: Slack gives up at
 * 3 s (and Bolt answers 404), whatever the database or the Web API are doing.
 */
export const ACK_DEADLINE_MS = 2_500;

/**
 * Wraps Bolt's ack so a guard knows whether the listener answered before it failed, and
 * acknowledges by itself at the deadline: an answer the listener gives later goes to `late`
 * (the response URL, or a DM) instead of being lost.
 */
function trackAck<Ack extends (response?: never) => Promise<void>>(
  ack: Ack,
  late: (response: unknown) => Promise<unknown>,
  deadlineMs = ACK_DEADLINE_MS,
): { ack: Ack; acked: () => boolean; settle: () => void } {
  let acked = false;
  let overdue = false;
  const timer = setTimeout(() => {
    if (acked) return;
    acked = overdue = true;
    void ack().catch(() => undefined);
  }, deadlineMs);
  timer.unref();
  const wrapped = (async (response?: never) => {
    if (overdue) {
      if (response) await late(response);
      return;
    }
    acked = true;
    clearTimeout(timer);
    await ack(response);
  }) as Ack;
  return { ack: wrapped, acked: () => acked, settle: () => clearTimeout(timer) };
}

/** Tells a user something privately: ephemeral where they clicked a message, else in their DM. */
export async function tellUser(
  args: { client: AllMiddlewareArgs['client']; respond?: ButtonArgs['respond'] },
  input: { slackUserId: string; text: string; hasResponseUrl: boolean },
): Promise<void> {
  if (input.hasResponseUrl && args.respond) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: input.text });
  } else {
    await args.client.chat.postMessage({ channel: input.slackUserId, text: input.text });
  }
}

/** A function telling the clicker something privately, where they clicked (see tellUser). */
export function privateReply(args: ButtonArgs): (text: string) => Promise<void> {
  return (text) => tellUser(args, { slackUserId: args.body.user.id, text, hasResponseUrl: Boolean(args.body.response_url) });
}

/** What a command handler answers: an ephemeral message where the user typed. */
export type CommandReply = (message: { text: string; blocks?: unknown[] }) => Promise<void>;
/** A command handler's arguments: acknowledged already, so it answers through `reply`. */
export type CommandHandlerArgs = Omit<CommandArgs, 'ack'> & { reply: CommandReply };

/**
 * Slash commands: acknowledged at once, before any database or Web API work, so Slack never times
 * out whatever they do; the answer, and any failure, is an ephemeral reply through the response URL.
 */
export function guardCommand(deps: ListenerDeps, handler: (args: CommandHandlerArgs) => Promise<void>) {
  return async ({ ack, ...args }: CommandArgs) => withRequestScope(async () => {
    await ack();
    const reply: CommandReply = async (message) => {
      await args.respond({ response_type: 'ephemeral', ...(message as Parameters<CommandArgs['respond']>[0] & object) });
    };
    try {
      await handler({ ...args, reply });
    } catch (error) {
      report(deps, error, { command: args.command.command, user: args.command.user_id });
      const text = await messageFor(deps, args.command.user_id, error);
      await reply({ text }).catch((failure) => report(deps, failure, { command: args.command.command, answering: true }));
    }
  });
}

/** Buttons: acknowledged at once; a failure is told to the clicker privately. */
export function guardButton(deps: ListenerDeps, handler: (args: ButtonArgs) => Promise<void>) {
  return async (args: ButtonArgs) => withRequestScope(async () => {
    await args.ack();
    try {
      await handler(args);
    } catch (error) {
      report(deps, error, { action: args.action.action_id, user: args.body.user.id });
      const text = await messageFor(deps, args.body.user.id, error);
      await tellUser(args, { slackUserId: args.body.user.id, text, hasResponseUrl: Boolean(args.body.response_url) }).catch(
        () => undefined,
      );
    }
  });
}

/**
 * Modal submissions: a failure before the modal closes shows on `errorBlockId` (the user keeps what
 * they typed); after it closed, in their DM.
 */
export function guardSubmission(
  deps: ListenerDeps,
  errorBlockId: string,
  handler: (args: SubmissionArgs) => Promise<void>,
) {
  return async (args: SubmissionArgs) => withRequestScope(async () => {
    // Past the deadline the form has closed: what the user would have read on it comes by DM.
    const tracked = trackAck(args.ack, async (response) => {
      const errors = Object.values((response as { errors?: Record<string, string> }).errors ?? {});
      if (errors.length === 0) return;
      const m = t(await deps.directory.localeOf(args.body.user.id));
      await args.client.chat.postMessage({ channel: args.body.user.id, text: m.common.formNotSaved(errors.join('\n')) });
    });
    try {
      await handler({ ...args, ack: tracked.ack });
    } catch (error) {
      report(deps, error, { view: args.view.callback_id, user: args.body.user.id });
      const text = await messageFor(deps, args.body.user.id, error);
      if (!tracked.acked()) await args.ack({ response_action: 'errors', errors: { [errorBlockId]: text } });
      else await args.client.chat.postMessage({ channel: args.body.user.id, text }).catch(() => undefined);
    } finally {
      tracked.settle();
    }
  });
}

/** Global and message shortcuts: acknowledged at once; a failure goes to the user's DM. */
export function guardShortcut(deps: ListenerDeps, handler: (args: ShortcutArgs) => Promise<void>) {
  return async (args: ShortcutArgs) => withRequestScope(async () => {
    await args.ack();
    try {
      await handler(args);
    } catch (error) {
      report(deps, error, { shortcut: args.shortcut.callback_id, user: args.body.user.id });
      const text = await messageFor(deps, args.body.user.id, error);
      await args.client.chat.postMessage({ channel: args.body.user.id, text }).catch(() => undefined);
    }
  });
}

/** Events: nobody to answer, so a failure is logged. */
export function guardEvent<Type extends string>(deps: ListenerDeps, handler: (args: EventArgs<Type>) => Promise<void>) {
  return async (args: EventArgs<Type>) => {
    try {
      await handler(args);
    } catch (error) {
      report(deps, error, { event: args.event.type });
    }
  };
}
