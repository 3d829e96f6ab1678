import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseUrlFetch } from '../../src/slack/response-url-fetch';

let server: Server;
let base: string;
const received: { method?: string; url?: string; type?: string; body: string; connection: number }[] = [];
let connections = 0;

beforeAll(async () => {
  nock.restore();
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, type: req.headers['content-type'], body, connection: (req.socket as { id?: number } & typeof req.socket).id ?? 0 });
      const status = req.url === '/expired' ? 404 : 200;
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"ok":true}' : 'expired_url');
    });
  });
  server.on('connection', (socket) => Object.assign(socket, { id: ++connections }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  nock.activate();
  await new Promise((resolve) => server.close(resolve));
});

describe('the fetch Bolt answers response URLs with', () => {
  it('posts the JSON answer and reports the status, on one kept-alive connection', async () => {
    received.length = 0;
    const answer = { response_type: 'ephemeral', text: '再エネ <&>' };
    for (let i = 0; i < 3; i++) {
      const response = await responseUrlFetch(`${base}/respond/${i}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(answer),
      });
      expect(response.ok).toBe(true);
    }
    expect(received.map((request) => request.url)).toEqual(['/respond/0', '/respond/1', '/respond/2']);
    expect(received.every((request) => request.type === 'application/json' && JSON.parse(request.body).text === answer.text)).toBe(true);
    expect(new Set(received.map((request) => request.connection)).size).toBe(1);
  });

  it('reports a refused answer as not ok, with its status', async () => {
    const response = await responseUrlFetch(`${base}/expired`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(404);
  });

  it('rejects when nothing listens, so the failure reaches the listener', async () => {
    await expect(
      responseUrlFetch('http://127.0.0.1:1/respond', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    ).rejects.toThrow();
  });

  it('leaves anything else (a Web API form post) to the global fetch, body and answer intact', async () => {
    received.length = 0;
    const response = await responseUrlFetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'channel=C1&text=hi',
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(received).toEqual([expect.objectContaining({ url: '/api/chat.postMessage', body: 'channel=C1&text=hi' })]);
  });
});
