import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatMethods } from './api-chat';
import { ApiError, type ApiContext, type ApiMethod, type Args } from './api-common';
import { peopleMethods } from './api-people';
import { viewMethods } from './api-views';
import { applyResponse, type ResponseMessage } from './respond';

/** Every Web API method the stand-in answers, by name. */
export const API_METHODS: Record<string, ApiMethod> = { ...peopleMethods, ...chatMethods, ...viewMethods };

/** Fields the web-api client sends JSON-encoded inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'files', 'metadata']);

export async function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A Web API request body: form-encoded (as the web-api client sends) or JSON. */
export function parseArgs(contentType: string | undefined, raw: string): Args {
  if (contentType?.includes('application/json')) {
    const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Args) : {};
  }
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (!JSON_FIELDS.has(key)) {
      args[key] = value;
      continue;
    }
    try {
      args[key] = JSON.parse(value);
    } catch {
      args[key] = value; // left as text: the method's own checks refuse it as Slack does
    }
  }
  return args;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function tokenOf(req: IncomingMessage, args: Args): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof args.token === 'string' ? args.token : undefined;
}

/** Calls one method with Slack's envelope: `{ ok: true, … }` or `{ ok: false, error }`, always HTTP 200. */
export async function callMethod(method: string, args: Args, ctx: ApiContext): Promise<Record<string, unknown>> {
  const implementation = API_METHODS[method];
  if (!implementation) return { ok: false, error: 'unknown_method' };
  try {
    return { ok: true, ...(await implementation(args, ctx)) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return {
      ok: false,
      error: error.code,
      ...(error.messages.length > 0 ? { response_metadata: { messages: error.messages } } : {}),
    };
  }
}

/** POST /api/<method>: checks the bot token, runs the method and records the call. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, ctx: ApiContext & { token: string }): Promise<void> {
  const method = decodeURIComponent(new URL(req.url ?? '/', 'http://sandbox').pathname.replace(/^\/api\//, ''));
  let args: Args;
  try {
    args = parseArgs(req.headers['content-type'], (await readBody(req)).toString('utf8'));
  } catch {
    return sendJson(res, 200, { ok: false, error: 'invalid_form_data' });
  }
  const token = tokenOf(req, args);
  const { token: _omitted, ...recorded } = args;
  let result: Record<string, unknown>;
  if (!token) result = { ok: false, error: 'not_authed' };
  else if (token !== ctx.token) result = { ok: false, error: 'invalid_auth' };
  else result = await callMethod(method, args, ctx);
  ctx.ws.recordCall({ method, ok: result.ok === true, ...(result.ok ? {} : { error: String(result.error) }), args: recorded });
  if (!result.ok) {
    ctx.ws.notify({ level: 'error', text: `${method} → ${String(result.error)}${describeMessages(result)}` });
  }
  sendJson(res, 200, result);
}

function describeMessages(result: Record<string, unknown>): string {
  const messages = (result.response_metadata as { messages?: string[] } | undefined)?.messages;
  return messages?.length ? ` (${messages.slice(0, 3).join('; ')})` : '';
}

/** POST /respond/<id>: a response_url, used up to five times as in Slack. */
export async function handleRespond(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, id: string): Promise<void> {
  const target = ctx.ws.responseTarget(id);
  if (!target) return sendJson(res, 404, { ok: false, error: 'expired_url' });
  if (target.uses >= 5) return sendJson(res, 404, { ok: false, error: 'used_url' });
  let message: ResponseMessage;
  try {
    const raw = (await readBody(req)).toString('utf8');
    message = req.headers['content-type']?.includes('application/json') ? JSON.parse(raw) : { text: raw };
  } catch {
    return sendJson(res, 400, { ok: false, error: 'invalid_payload' });
  }
  target.uses += 1;
  const outcome = applyResponse(ctx.ws, target, message);
  if (outcome !== 'ok') {
    ctx.ws.notify({ userId: target.userId, level: 'error', text: `response_url → ${outcome}` });
    return sendJson(res, 400, { ok: false, error: outcome });
  }
  sendJson(res, 200, { ok: true });
}

/** POST /upload/<file id>: the bytes of a files.getUploadURLExternal upload (multipart, as web-api sends, or raw). */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, fileId: string): Promise<void> {
  const file = ctx.ws.files.get(fileId);
  if (!file) return sendJson(res, 404, { ok: false, error: 'file_not_found' });
  const raw = await readBody(req);
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://sandbox/upload', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const part = [...form.values()].find((value) => typeof value !== 'string');
    file.bytes = part && typeof part !== 'string' ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
  } else {
    file.bytes = raw;
  }
  file.length = file.bytes.length;
  ctx.ws.changed('files');
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`OK - ${file.length}`);
}

/**
 * GET /files/<id>/<name>: url_private(_download), the file's bytes for the bot token only (as Slack
 * answers the app), as a download with ?download=1. The page's own link is /sandbox/files/….
 */
export function handleFileDownload(req: IncomingMessage, res: ServerResponse, ctx: ApiContext & { token: string }, fileId: string): void {
  const token = tokenOf(req, {});
  if (token !== ctx.token) return sendJson(res, 401, { ok: false, error: token ? 'invalid_auth' : 'not_authed' });
  sendFile(req, res, ctx, fileId);
}

/** A file's bytes with its type and name; inline unless ?download. */
export function sendFile(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, fileId: string): void {
  const file = ctx.ws.files.get(fileId);
  if (!file?.bytes) return sendJson(res, 404, { ok: false, error: 'file_not_found' });
  const download = new URL(req.url ?? '/', 'http://sandbox').searchParams.has('download');
  res.writeHead(200, {
    'content-type': file.mimetype.startsWith('text/') || file.mimetype === 'application/json' ? `${file.mimetype}; charset=utf-8` : file.mimetype,
    'content-length': file.bytes.length,
    'content-disposition': `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
  res.end(file.bytes);
}
