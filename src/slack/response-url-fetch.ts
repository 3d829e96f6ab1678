import http from 'node:http';
import https from 'node:https';

/** How long an answer to a response URL may take before it counts as failed. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * The `fetch` Bolt is given. Its answers to response URLs (a JSON body posted for `respond`) go
 * through node:http on kept-alive connections: the global fetch costs several times the CPU, and
 * every search answers this way. Everything else (the Web API's form and file posts) goes to the
 * global fetch unchanged.
 */
export const responseUrlFetch: typeof fetch = async (input, init) => {
  const body = init?.body;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  if (!url || init?.method !== 'POST' || typeof body !== 'string' || !isJson(init.headers)) return fetch(input, init);
  const target = new URL(url);
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return fetch(input, init);
  const { status, statusText } = await post(target, body, agent);
  // Response accepts 200–599 only; anything else is a broken answer.
  return new Response(null, status >= 200 && status <= 599 ? { status, statusText } : { status: 502 });
};

function isJson(headers: RequestInit['headers']): boolean {
  const type = new Headers(headers).get('content-type') ?? '';
  return type.startsWith('application/json');
}

function post(target: URL, body: string, agent: http.Agent): Promise<{ status: number; statusText: string }> {
  const request = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        timeout: RESPONSE_URL_TIMEOUT_MS,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '' }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from the response URL within ${RESPONSE_URL_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
