/**
 * `npm run bench:load`: signed `/find-expert` commands, open loop, against the production build
 * (`node dist/app.js`) on real Postgres with about 120 members and a local Slack stand-in, and —
 * measured in the same run, on the same machine — a bare Bolt app whose one command only answers.
 * For each rate (BENCH_RATES, default 50,100,200,400 per second, BENCH_SECONDS each, default 20)
 * from 50 distinct staff users, it prints acknowledgement p50/p99 (the HTTP answer to Slack's
 * request), answer p50/p99 (the results, inside the acknowledgement or later at the response URL),
 * errors and unanswered requests, and the bot's RSS idle and after the load.
 * Goals (2 cores): at 200/s ack p99 within 1.3× bare Bolt's and answer p99 within 5×, no error; at
 * 400/s everything acknowledged under 3 s and answered; idle RSS under 150 MB.
 * Database: BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * a throwaway database is created and dropped.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client';
import { createRepositories } from '../src/db/repositories';
import { saveProfile } from '../src/services/profile';
import type { ProfileInput } from '../src/services/profile-rules';
import { TOPIC_KEYS } from '../src/services/taxonomy';

const SERVER_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const RATES = (process.env.BENCH_RATES ?? '50,100,200,400').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SECRET = 'bench-signing-secret';
const STAFF_USERS = 50;
const MEMBERS = 120;
const QUERIES = ['再エネ 系統', '半導体', 'DX', 'renewable energy', '中小企業', 'スタートアップ 投資', '経済安保', 'AI', '知財', '宇宙'];
const root = join(import.meta.dirname, '..');

/** The Slack stand-in: answers the Web API, and notes when each response-URL answer arrives. */
async function startSlackStandIn() {
  const answered = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const url = req.url ?? '';
      if (url.startsWith('/respond/')) {
        answered.set(url.slice('/respond/'.length), performance.now());
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
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answered };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** About 120 members as the network has them: most alumni sharing with staff, on varied topics. */
async function seed(databaseUrl: string) {
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

const BARE_BOLT = `
import { App } from '@slack/bolt';
const app = new App({ token: 'xoxb-bench', signingSecret: process.env.SLACK_SIGNING_SECRET, tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
app.command('/find-expert', async ({ ack, command }) => { await ack({ response_type: 'ephemeral', text: 'results for ' + command.text }); });
await app.start(Number(process.env.PORT));
console.log('ready');
`;

function startProcess(kind: 'bot' | 'bare', env: Record<string, string>): ChildProcess {
  const args = kind === 'bot' ? ['dist/app.js'] : ['--input-type=module', '-e', BARE_BOLT];
  return spawn('node', args, { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitReady(port: number, path: string) {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}${path}`, { method: path === '/healthz' ? 'GET' : 'POST' }).then(() => true, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing answered on port ${port}`);
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Open loop: requests leave on schedule whatever the answers do. */
async function load(port: number, slack: Awaited<ReturnType<typeof startSlackStandIn>>, rate: number) {
  const acks: number[] = [];
  const answers: number[] = [];
  let errors = 0;
  let unanswered = 0;
  const pending: Promise<void>[] = [];
  const total = rate * SECONDS;
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = `r${rate}-${n}`;
    const body = new URLSearchParams({
      token: 'x', team_id: 'T0BENCH', channel_id: 'C0GENERAL', user_id: `U0STAFF${n % STAFF_USERS}`, command: '/find-expert',
      text: QUERIES[n % QUERIES.length]!, response_url: `${slack.url}/respond/${id}`, trigger_id: `t.${id}`, api_app_id: 'A0BENCH',
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const sent = performance.now();
    pending.push(
      fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
        body,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (response) => {
          const ackedAt = performance.now();
          const text = await response.text();
          if (response.status !== 200) return void errors++;
          acks.push(ackedAt - sent);
          if (text.includes('"text"')) return void answers.push(ackedAt - sent);
          // Answered later, at the response URL (within 10 s, or it counts as unanswered).
          for (let i = 0; i < 100 && !slack.answered.has(id); i++) await new Promise((resolve) => setTimeout(resolve, 100));
          const answeredAt = slack.answered.get(id);
          if (answeredAt === undefined) unanswered++;
          else answers.push(answeredAt - sent);
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(pending);
  return { rate, sent: total, errors, unanswered, ackP50: percentile(acks, 50), ackP99: percentile(acks, 99), answerP50: percentile(answers, 50), answerP99: percentile(answers, 99) };
}

async function main() {
  console.log('Building the production bundle…');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const name = `kakehashi_load_${process.pid}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const slack = await startSlackStandIn();
  const children: ChildProcess[] = [];
  try {
    await seed(url.toString());
    const env = { SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, LOG_LEVEL: 'error' };
    const botPort = await freePort();
    const barePort = await freePort();
    const bot = startProcess('bot', {
      ...env, NODE_ENV: 'production', SLACK_BOT_TOKEN: 'xoxb-bench', ORGANIZERS_CHANNEL_ID: 'C0ORGANIZE',
      STAFF_EMAIL_DOMAINS: 'meti.go.jp', DATABASE_URL: url.toString(), PORT: String(botPort), SEARCH_RATE_LIMIT_PER_HOUR: '1000000',
    });
    const bare = startProcess('bare', { ...env, PORT: String(barePort) });
    children.push(bot, bare);
    await Promise.all([waitReady(botPort, '/healthz'), waitReady(barePort, '/slack/events')]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleRss = rssMb(bot.pid!);
    console.log(`Bot idle RSS: ${idleRss.toFixed(0)} MB (goal < 150 MB); ${MEMBERS} members; ${SECONDS} s per rate\n`);
    console.log('app   rate/s  sent  errors  unanswered  ack p50  ack p99  answer p50  answer p99   (ms)');
    for (const rate of RATES) {
      for (const [label, port] of [['bare', barePort], ['bot', botPort]] as const) {
        const r = await load(port, slack, rate);
        console.log(
          `${label.padEnd(5)} ${String(rate).padStart(6)} ${String(r.sent).padStart(5)} ${String(r.errors).padStart(7)} ${String(r.unanswered).padStart(11)}` +
            ` ${r.ackP50.toFixed(1).padStart(8)} ${r.ackP99.toFixed(1).padStart(8)} ${r.answerP50.toFixed(1).padStart(11)} ${r.answerP99.toFixed(1).padStart(11)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
    console.log(`\nBot RSS after the load: ${rssMb(bot.pid!).toFixed(0)} MB`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    slack.server.close();
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.end();
  }
}

await main();
