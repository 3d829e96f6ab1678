/**
 * `npm run bench:load`: signed `/find-expert` commands, open loop, against the production build
 * (`node dist/app.js`) on real Postgres with about 120 members and a local Slack stand-in, and —
 * measured in the same run, on the same machine — a bare Bolt app whose one command only answers
 * (acknowledged empty, then answered at the response URL, as the bot answers).
 * For each rate (BENCH_RATES, default 50,100,200,400 per second, BENCH_SECONDS each, default 20)
 * from 50 distinct staff users (after a 3 s warm-up at 50/s in which each is seen once), it prints acknowledgement p50/p99 (the HTTP answer to Slack's
 * request), answer p50/p99 (the results, or "busy, try again in a minute", inside the acknowledgement
 * or later at the response URL), errors, unanswered and "busy" answers, and the bot's RSS idle and
 * after the load.
 * Goals (2 cores): at 200/s ack p99 within 1.3× bare Bolt's and answer p99 within 5×, no error; at
 * 400/s everything acknowledged under 3 s and answered; idle RSS under 150 MB.
 * Database: BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * a throwaway database is created and dropped.
 */
import type { ChildProcess } from 'node:child_process';
import { ja } from '../src/i18n/ja';
import { performance } from 'node:perf_hooks';
import {
  build,
  freePort,
  MEMBERS,
  percentile,
  rssMb,
  signedFindExpert,
  startBot,
  startProcess,
  startSlackStandIn,
  stopAll,
  SECRET,
  throwawayDatabase,
  waitReady,
  type SlackStandIn,
} from './harness';

const RATES = (process.env.BENCH_RATES ?? '50,100,200,400').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

let runs = 0;

/** Open loop: requests leave on schedule whatever the answers do. */
async function load(label: string, port: number, slack: SlackStandIn, rate: number, seconds = SECONDS) {
  const acks: number[] = [];
  const answers: number[] = [];
  let errors = 0;
  let unanswered = 0;
  let busy = 0;
  const pending: Promise<void>[] = [];
  const total = rate * seconds;
  const run = ++runs;
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = `${label}-${run}-${n}`;
    pending.push(
      signedFindExpert(port, slack, id, n).then(
        async ({ status, text, sent, ackedAt }) => {
          if (status !== 200) return void errors++;
          acks.push(ackedAt - sent);
          if (text.includes('"text"')) {
            if (text.includes(ja.findExpert.busy)) busy++;
            return void answers.push(ackedAt - sent);
          }
          // Answered later, at the response URL (within 10 s, or it counts as unanswered).
          for (let i = 0; i < 100 && !slack.answered.has(id); i++) await new Promise((resolve) => setTimeout(resolve, 100));
          const answeredAt = slack.answered.get(id);
          if (answeredAt === undefined) return void unanswered++;
          answers.push(answeredAt - sent);
          if (slack.answers.get(id)?.includes(ja.findExpert.busy)) busy++;
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(pending);
  return { rate, sent: total, errors, unanswered, busy, ackP50: percentile(acks, 50), ackP99: percentile(acks, 99), answerP50: percentile(answers, 50), answerP99: percentile(answers, 99) };
}

async function main() {
  console.log('Building the production bundle…');
  build();
  const database = await throwawayDatabase('kakehashi_load');
  const slack = await startSlackStandIn();
  const children: ChildProcess[] = [];
  try {
    const botPort = await freePort();
    const barePort = await freePort();
    const bot = startBot({ port: botPort, databaseUrl: database.url, slack });
    const bare = startProcess('bare', { SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PORT: String(barePort) });
    children.push(bot, bare);
    await Promise.all([waitReady(botPort, '/healthz'), waitReady(barePort, '/slack/events')]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleRss = rssMb(bot.pid!);
    console.log(`Bot idle RSS: ${idleRss.toFixed(0)} MB (goal < 150 MB); ${MEMBERS} members; ${SECONDS} s per rate\n`);
    // Warm-up, not counted: each staff user's first search (a users.info call and writes) and the JIT.
    for (const [label, port] of [['bare', barePort], ['bot', botPort]] as const) await load(label, port, slack, 50, 3);
    console.log('app   rate/s  sent  errors  unanswered   busy  ack p50  ack p99  answer p50  answer p99   (ms)');
    for (const rate of RATES) {
      for (const [label, port] of [['bare', barePort], ['bot', botPort]] as const) {
        const r = await load(label, port, slack, rate);
        console.log(
          `${label.padEnd(5)} ${String(rate).padStart(6)} ${String(r.sent).padStart(5)} ${String(r.errors).padStart(7)} ${String(r.unanswered).padStart(11)} ${String(r.busy).padStart(6)}` +
            ` ${r.ackP50.toFixed(1).padStart(8)} ${r.ackP99.toFixed(1).padStart(8)} ${r.answerP50.toFixed(1).padStart(11)} ${r.answerP99.toFixed(1).padStart(11)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
    console.log(`\nBot RSS after the load: ${rssMb(bot.pid!).toFixed(0)} MB`);
  } finally {
    await stopAll(children);
    slack.server.close();
    await database.drop();
  }
}

await main();
