import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotLink } from './bot-link';
import type { AppSurface, SandboxContext } from './context';
import { handlePageApi } from './page-api';
import { startScheduler } from './scheduler';
import { handleApiRequest, handleFileDownload, handleRespond, handleUpload, sendJson } from './slack-api';
import { Workspace } from './workspace';

export interface StandInOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The bot token the app must present (invalid_auth otherwise). */
  botToken: string;
  surface: AppSurface;
  workspace?: Workspace;
}

export interface StandIn {
  ws: Workspace;
  ctx: SandboxContext;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  /** What the app's SLACK_API_URL is set to: `${url}/api/`. */
  apiUrl: string;
  /** Tells the stand-in where the app listens, once it does. */
  linkBot(link: BotLink): void;
  /** What to run after the page moves the clock on (the app catching up; see moveClock). */
  onClockMoved(run: () => Promise<void>): void;
  close(): Promise<void>;
}

/** The page's files: index.html at /, and flat names only (no way out of public/). */
function publicFile(path: string): string | undefined {
  if (path === '/' || path === '/index.html') return 'index.html';
  return /^\/[a-z][a-z-]*\.(js|css)$/.test(path) ? path.slice(1) : undefined;
}
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

async function servePublic(res: ServerResponse, file: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(new URL(`./public/${file}`, import.meta.url));
  } catch {
    return sendJson(res, 404, { ok: false, error: 'not_found' });
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * The local stand-in for Slack: the Web API under /api/, response URLs, file uploads and
 * downloads, and the page (a small Slack client) with its own endpoints under /sandbox/.
 */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const ws = options.workspace ?? new Workspace();
  let bot: BotLink | undefined;
  const ctx: SandboxContext = { ws, baseUrl: '', bot: () => bot, surface: options.surface };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    const [, first, id] = path.split('/');
    if (req.method === 'POST' && first === 'api') return ws.tracking(() => handleApiRequest(req, res, { ...ctx, token: options.botToken }));
    if (req.method === 'POST' && first === 'respond' && id) return ws.tracking(() => handleRespond(req, res, ctx, id));
    if (req.method === 'POST' && first === 'upload' && id) return ws.tracking(() => handleUpload(req, res, ctx, id));
    if (req.method === 'GET' && first === 'files' && id) return handleFileDownload(req, res, { ...ctx, token: options.botToken }, id);
    if (first === 'sandbox' && (await handlePageApi(ctx, req, res, url))) return;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = req.method === 'GET' ? publicFile(path) : undefined;
    if (file) return servePublic(res, file);
    sendJson(res, 404, { ok: false, error: 'not_found' });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      ws.notify({ level: 'error', text: `stand-in failed on ${req.method} ${req.url}: ${(error as Error).message}` });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      else res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://${host}:${port}`;
  const scheduler = startScheduler(ws);

  return {
    ws,
    ctx,
    url: ctx.baseUrl,
    apiUrl: `${ctx.baseUrl}/api/`,
    linkBot(link) {
      bot = link;
    },
    onClockMoved(run) {
      ctx.afterClockMoved = run;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        scheduler.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
