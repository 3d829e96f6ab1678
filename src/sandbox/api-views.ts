import { checkView } from './block-check';
import { ApiError, optionalString, requiredString, type ApiMethod, type Args } from './api-common';
import { slackView } from './view-store';

function viewArgument(args: Args, surface: 'modal' | 'home'): Record<string, unknown> {
  const view = args.view;
  if (view === undefined || view === '') throw new ApiError('invalid_arguments', ['[ERROR] missing required field: view']);
  const problems = checkView(view, surface);
  if (problems.length > 0) throw new ApiError('invalid_arguments', problems);
  return view as Record<string, unknown>;
}

function triggerUser(args: Args, ctx: Parameters<ApiMethod>[1]): string {
  const taken = ctx.ws.takeTrigger(requiredString(args, 'trigger_id'));
  if (typeof taken === 'string') throw new ApiError(taken);
  return taken.userId;
}

export const viewMethods: Record<string, ApiMethod> = {
  'views.open'(args, ctx) {
    const view = viewArgument(args, 'modal');
    const record = ctx.ws.views.open(triggerUser(args, ctx), view);
    return { view: slackView(record) };
  },

  'views.push'(args, ctx) {
    const view = viewArgument(args, 'modal');
    const pushed = ctx.ws.views.push(triggerUser(args, ctx), view);
    if (typeof pushed === 'string') throw new ApiError(pushed);
    return { view: slackView(pushed) };
  },

  'views.update'(args, ctx) {
    const viewId = optionalString(args, 'view_id');
    const externalId = optionalString(args, 'external_id');
    if (!viewId && !externalId) throw new ApiError('invalid_arguments', ['[ERROR] either view_id or external_id is required']);
    const record = viewId ? ctx.ws.views.byId(viewId) : ctx.ws.views.byExternalId(externalId!);
    if (!record || !ctx.ws.views.isOpen(record)) throw new ApiError('not_found');
    const hash = optionalString(args, 'hash');
    if (hash && hash !== record.hash) throw new ApiError('hash_conflict');
    const view = viewArgument(args, record.type);
    return { view: slackView(ctx.ws.views.update(record, view)) };
  },

  'views.publish'(args, ctx) {
    const userId = requiredString(args, 'user_id');
    const user = ctx.ws.users.get(userId);
    if (!user || user.isBot) throw new ApiError('user_not_found');
    const view = viewArgument(args, 'home');
    const hash = optionalString(args, 'hash');
    const current = ctx.ws.views.home(userId);
    if (hash && current && hash !== current.hash) throw new ApiError('hash_conflict');
    return { view: slackView(ctx.ws.views.publish(userId, view)) };
  },
};
