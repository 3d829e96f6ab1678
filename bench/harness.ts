/**
 * What the load bench and the failover check share: a Slack stand-in, the production bot on a
 * throwaway Postgres database seeded with about 120 members, and signed slash commands.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client';
import { createRepositories } from '../src/db/repositories';
import { saveProfile } from '../src/services/profile';
import type { ProfileInput } from '../src/services/profile-rules';
import { TOPIC_KEYS } from '../src/services/taxonomy';

export const SERVER_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const SECRET = 'bench-signing-secret';
export const STAFF_USERS = 50;
export const MEMBERS = 120;
export const QUERIES = ['再エネ 系統', '半導体', 'DX', 'renewable energy', '中小企業', 'スタートアップ 投資', '経済安保', 'AI', '知財', '宇宙'];
export const root = join(import.meta.dirname, '..');

/** The Slack stand-in: answers the Web API, and notes when each response-URL answer arrives and what it said. */
export async function startSlackStandIn() {
  const answered = new Map<string, number>();
  const answers = new Map<string, string>();
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const url = req.url ?? '';
      if (url.startsWith('/respond/')) {
        answered.set(url.slice('/respond/'.length), performance.now());
        answers.set(url.slice('/respond/'.length), body);
        return res.end('{"ok":true}');
      }
      const method = url.replace('/api/', '');
      if (method === 'auth.test') return res.end(JSON.stringify({ ok: true, team_id: 'T0BENCH', user_id: 'U0BOT', bot_id: 'B0BOT' }));
      if (method === 'users.info') {
        const user = new URLSearchParams(body).get('user') ?? 'U0X';
        return res.end(JSON.stringify({ ok: true, user: { id: user, team_id: 'T0BENCH', locale: 'ja-JP', tz: 'Asia/Tokyo', profile: { email: `${user.toLowerCase()}@meti.go.jp`, real_name: user } } }));
      }
      if (method === 'users.lookupByEmail') return res.end('{"ok":false,"error":"users_not_found"}');
      return res.end(JSON.stringify({ ok: true, channel: 'D0BENCH', ts: '1800000000.000100' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answered, answers };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** About 120 members as the network has them: most alumni sharing with staff, on varied topics. */
export async function seed(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, pgliteDataDir: undefined });
  const services = { db: database.db, clock: () => new Date(), staffEmailDomains: ['meti.go.jp'] };
  for (let i = 0; i < MEMBERS; i++) {
    const topics = [TOPIC_KEYS[i % TOPIC_KEYS.length]!, TOPIC_KEYS[(i * 7 + 3) % TOPIC_KEYS.length]!];
    const { member } = await saveProfile(
      services,
      { slackUserId: `U0MEMBER${i}`, standing: 'member', email: `member${i}@fund.example`, realName: null, locale: 'ja' },
      {
        name: `メンバー ${i}`, memberType: 'alumni', yearJoined: 2000 + (i % 15), yearLeft: 2016 + (i % 8),
        formerDivisions: '資源エネルギー庁', organisation: `Fund ${i}`, jobTitle: 'Partner', sector: 'investment', topics,
        helpText: '再エネ投資と系統接続、半導体のサプライチェーン、DXについてお話しできます。', helpKinds: ['opinion_exchange'],
        monthlyCapacity: 3, shareWithStaff: true, shareWithAlumni: i % 2 === 0, coiDeclared: false, coiDescription: null,
        codeOfConductAccepted: true, referredBySlackUserId: null, interestedInReturning: false,
      } satisfies ProfileInput,
    );
    await createRepositories(database.db).members.update(member.id, { status: 'active' });
  }
  await database.close();
}

export const BARE_BOLT = `
import { App } from '@slack/bolt';
const app = new App({ token: 'xoxb-bench', signingSecret: process.env.SLACK_SIGNING_SECRET, tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
// Answers as the bot does: an empty acknowledgement, then the answer at the response URL.
app.command('/find-expert', async ({ ack, respond, command }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: 'results for ' + command.text });
});
await app.start(Number(process.env.PORT));
console.log('ready');
`;

export function startProcess(kind: 'bot' | 'bare', env: Record<string, string>): ChildProcess {
  const args = kind === 'bot' ? ['dist/app.js'] : ['--input-type=module', '-e', BARE_BOLT];
  return spawn('node', args, { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function waitReady(port: number, path: string) {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}${path}`, { method: path === '/healthz' ? 'GET' : 'POST' }).then(() => true, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing answered on port ${port}`);
}

export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export type SlackStandIn = Awaited<ReturnType<typeof startSlackStandIn>>;

/** A signed `/find-expert` as Slack sends it; resolves with the HTTP status and when it came. */
export async function signedFindExpert(port: number, slack: SlackStandIn, id: string, n: number, timeoutMs = 10_000) {
  const body = new URLSearchParams({
    token: 'x', team_id: 'T0BENCH', channel_id: 'C0GENERAL', user_id: `U0STAFF${n % STAFF_USERS}`, command: '/find-expert',
    text: QUERIES[n % QUERIES.length]!, response_url: `${slack.url}/respond/${id}`, trigger_id: `t.${id}`, api_app_id: 'A0BENCH',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const sent = performance.now();
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent: generatorAgent, timeout: timeoutMs,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
  return { status, text, sent, ackedAt: performance.now() };
}

/**
 * The generator's own connections, kept alive: `fetch` cost the generator several times the CPU of
 * the app it measured, on the same two cores, and slowed bare Bolt and the bot alike.
 */
const generatorAgent = new Agent({ keepAlive: true, maxSockets: 256 });

/** A throwaway database on the server, seeded; `drop()` removes it. */
export async function throwawayDatabase(prefix: string) {
  const name = `${prefix}_${process.pid}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  await seed(url.toString());
  return {
    name,
    url: url.toString(),
    admin,
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The production build, started on `databaseUrl` and talking to the stand-in. */
export function startBot(input: { port: number; databaseUrl: string; slack: SlackStandIn }): ChildProcess {
  return startProcess('bot', {
    SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${input.slack.url}/api/`, LOG_LEVEL: 'error', NODE_ENV: 'production',
    SLACK_BOT_TOKEN: 'xoxb-bench', ORGANIZERS_CHANNEL_ID: 'C0ORGANIZE', STAFF_EMAIL_DOMAINS: 'meti.go.jp',
    DATABASE_URL: input.databaseUrl, PORT: String(input.port), SEARCH_RATE_LIMIT_PER_HOUR: '1000000',
    ...(process.env.SEARCH_CONCURRENCY ? { SEARCH_CONCURRENCY: process.env.SEARCH_CONCURRENCY } : {}),
  });
}

export function build() {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
}

/** Stops the processes: SIGTERM (graceful shutdown), then SIGKILL for any still running after 15 s. */
export async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}
