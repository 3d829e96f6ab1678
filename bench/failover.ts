/**
 * `npm run failover` (run by .ci/run): the database's failover, as a deployment meets it. Two
 * instances of the production build share one Postgres database; signed `/find-expert` commands
 * arrive at FAILOVER_RATE per second (default 20) while every backend of that database is
 * terminated every 250 ms for FAILOVER_SECONDS (default 60). It fails
 * (exit 1) when an instance exits or a request gets no answer (acknowledged, then answered at its
 * response URL: results, or "temporarily unavailable, nothing was saved"); it reports the timing
 * goals (every answer within 3 s, both instances finding people again within 1 s after the
 * terminations stop) and fails on them too with FAILOVER_STRICT=1. The postgres driver needs the patch in patches/ for this
 * (porsager/postgres#1154): without it both instances die within a second.
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ja } from '../src/i18n/ja';
import {
  build,
  freePort,
  percentile,
  signedFindExpert,
  startBot,
  startSlackStandIn,
  stopAll,
  throwawayDatabase,
  waitReady,
  type SlackStandIn,
} from './harness';

const RATE = Number(process.env.FAILOVER_RATE ?? 20);
const SECONDS = Number(process.env.FAILOVER_SECONDS ?? 60);

/**
 * A signed search and its answer: the acknowledgement, then the answer at the response URL. Rejects
 * when either does not come (a request nobody answered).
 */
async function answerTo(slack: SlackStandIn, port: number, id: string, n: number): Promise<{ ms: number; text: string }> {
  const { status, sent } = await signedFindExpert(port, slack, id, n, 5_000);
  if (status !== 200) throw new Error(`HTTP ${status}`);
  for (const until = performance.now() + 10_000; performance.now() < until; ) {
    const answeredAt = slack.answered.get(id);
    if (answeredAt !== undefined) return { ms: answeredAt - sent, text: slack.answers.get(id) ?? '' };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no answer');
}

async function main(): Promise<number> {
  build();
  const database = await throwawayDatabase('kakehashi_failover');
  const slack = await startSlackStandIn();
  const ports = [await freePort(), await freePort()];
  const instances: ChildProcess[] = ports.map((port) => startBot({ port, databaseUrl: database.url, slack }));
  const exits: string[] = [];
  instances.forEach((child, index) => child.once('exit', (code, signal) => exits.push(`instance ${index + 1} exited (${code ?? signal})`)));
  const problems: string[] = [];
  try {
    await Promise.all(ports.map((port) => waitReady(port, '/healthz')));
    const killer = setInterval(() => {
      void database.admin
        .unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database.name}' and pid <> pg_backend_pid()`)
        .catch(() => undefined);
    }, 250);
    let late = 0;
    let failed = 0;
    let unavailable = 0;
    let slowest = 0;
    const times: number[] = [];
    const requests: Promise<void>[] = [];
    const started = performance.now();
    for (let n = 0; n < RATE * SECONDS; n++) {
      const wait = started + (n * 1000) / RATE - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      requests.push(
        answerTo(slack, ports[n % 2]!, `f${n}`, n).then(
          ({ ms, text }) => {
            slowest = Math.max(slowest, ms);
            times.push(ms);
            if (ms > 3_000) late++;
            if (text.includes(ja.common.unavailable)) unavailable++;
          },
          () => void failed++,
        ),
      );
    }
    await Promise.all(requests);
    clearInterval(killer);
    const stoppedAt = performance.now();
    // Back: the instance answers a search with results again (not "temporarily unavailable").
    const back = await Promise.all(
      ports.map(async (port, index) => {
        for (let attempt = 0; performance.now() - stoppedAt < 5_000; attempt++) {
          const answer = await answerTo(slack, port, `back${index}-${attempt}`, index).catch(() => undefined);
          if (answer && !answer.text.includes(ja.common.unavailable)) return performance.now() - stoppedAt;
        }
        return Infinity;
      }),
    );
    console.log(
      `${RATE * SECONDS} requests over ${SECONDS} s with backends terminated every 250 ms: ${failed} unanswered, ${late} over 3 s ` +
        `(slowest ${slowest.toFixed(0)} ms), ${unavailable} told "temporarily unavailable"; finding people again after ${back.map((ms) => `${ms.toFixed(0)} ms`).join(' and ')}`,
    );
    const at = (p: number) => percentile(times, p).toFixed(0);
    console.log(`answer times (ms): p50 ${at(50)}, p90 ${at(90)}, p99 ${at(99)}`);
    if (failed > 0) problems.push(`${failed} requests got no answer`);
    const missed = [
      ...(late > 0 ? [`${late} requests answered after 3 s`] : []),
      ...(back.some((ms) => ms > 1_000) ? ['service not back within 1 s'] : []),
    ];
    if (missed.length > 0) console.log(`Timing goals missed: ${missed.join('; ')}`);
    if (process.env.FAILOVER_STRICT === '1') problems.push(...missed);
  } finally {
    problems.push(...exits);
    await stopAll(instances);
    slack.server.close();
    await database.drop();
  }
  if (problems.length > 0) {
    console.error(`Failover check failed: ${problems.join('; ')}`);
    return 1;
  }
  console.log('Failover check passed: no instance exited, every request was answered.');
  return 0;
}

process.exit(await main());
