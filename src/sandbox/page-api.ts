import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionResult, SandboxContext } from './context';
import { shareFile } from './file-share';
import { openAppHome, runGlobalShortcut, runMessageShortcut, runTyped } from './interactions';
import { moveClock } from './scheduler';
import { readBody, sendFile, sendJson } from './slack-api';
import { snapshotFor } from './snapshot';
import { clickAction, closeView, submitView } from './view-actions';

type Body = Record<string, any>;

/** The page's own endpoints (POST /sandbox/<name>): what a person does in the Slack client. */
const ACTIONS: Record<string, (ctx: SandboxContext, body: Body) => Promise<InteractionResult> | InteractionResult> = {
  type: (ctx, body) => runTyped(ctx, { userId: body.as, channelId: body.channel, text: String(body.text ?? '') }),
  action: (ctx, body) =>
    clickAction(ctx, { userId: body.as, source: body.source, blockId: body.blockId, actionId: body.actionId, value: body.value, inputs: body.inputs }),
  submit: (ctx, body) => submitView(ctx, { userId: body.as, viewId: body.viewId, inputs: body.inputs }),
  close: (ctx, body) => closeView(ctx, { userId: body.as, viewId: body.viewId, all: Boolean(body.all) }),
  home: (ctx, body) => openAppHome(ctx, { userId: body.as, tab: body.tab === 'messages' ? 'messages' : 'home' }),
  shortcut: (ctx, body) =>
    body.messageTs
      ? runMessageShortcut(ctx, { userId: body.as, callbackId: body.callbackId, channelId: body.channel, messageTs: body.messageTs })
      : runGlobalShortcut(ctx, { userId: body.as, callbackId: body.callbackId }),
  upload: (ctx, body) =>
    shareFile(ctx, {
      userId: body.as,
      channelId: body.channel,
      name: String(body.name ?? ''),
      bytes: Buffer.from(String(body.contentBase64 ?? ''), 'base64'),
      ...(typeof body.mimetype === 'string' ? { mimetype: body.mimetype } : {}),
    }),
  clock: async (ctx, body) => {
    const seconds = Number(body.advanceSeconds);
    if (!Number.isFinite(seconds) || seconds <= 0) return { ok: false, error: 'invalid_arguments' };
    const delivered = await moveClock(ctx, seconds * 1000);
    return { ok: true, outcome: `delivered ${delivered.length}` };
  },
};

/** GET /sandbox/events: a server-sent event whenever the workspace changes (coalesced). */
function streamChanges(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write('retry: 1000\n\n');
  let pending: NodeJS.Timeout | undefined;
  const onChange = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      res.write(`data: ${ctx.ws.now()}\n\n`);
    }, 25);
  };
  ctx.ws.changes.on('change', onChange);
  req.on('close', () => {
    clearTimeout(pending);
    ctx.ws.changes.off('change', onChange);
  });
}

/** Handles /sandbox/*; returns false when the path is not one of them. */
export async function handlePageApi(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const name = url.pathname.replace(/^\/sandbox\//, '');
  if (req.method === 'GET' && name === 'state') {
    sendJson(res, 200, snapshotFor(ctx, url.searchParams.get('as') ?? ''));
    return true;
  }
  if (req.method === 'GET' && name === 'events') {
    streamChanges(ctx, req, res);
    return true;
  }
  // The page's file links: the person's client is signed in, so no token (url_private needs the bot's).
  const [folder, fileId] = name.split('/');
  if (req.method === 'GET' && folder === 'files' && fileId) {
    sendFile(req, res, ctx, fileId);
    return true;
  }
  const action = ACTIONS[name];
  if (req.method !== 'POST' || !action) return false;
  let body: Body;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
  } catch {
    sendJson(res, 400, { ok: false, error: 'invalid_json' });
    return true;
  }
  sendJson(res, 200, await action(ctx, body));
  return true;
}
