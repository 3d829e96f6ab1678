/**
 * `npm run bench:relevance`: how well /find-expert answers what staff actually ask. Loads the judged
 * set of bench/relevance/ (synthetic bilingual profiles with hidden concepts, privacy traps, queries
 * by kind) into a fresh database, searches as a staff member (limit 10), and prints recall@10,
 * precision@5, nDCG@10, empty answers and privacy leaks per kind of query, the goals, and
 * the worst answers (RELEVANCE_VERBOSE=1: every answer). In-memory PGlite by default; with
 * BENCH_DATABASE_URL, a throwaway database on that server, dropped at the end. Exits 0 unless
 * RELEVANCE_STRICT=1 and a goal is missed.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/db/client';
import { resolveViewer } from '../src/services/identity';
import { searchExperts } from '../src/services/search';
import { evaluate, RESULT_LIMIT, type QueryOutcome } from './relevance/metrics';
import { JUDGED_PROFILES } from './relevance/profiles';
import { JUDGED_QUERIES } from './relevance/queries';
import { answerLines, goalLines, goals, kindTable, worstQueries } from './relevance/report';
import { SEARCHED_AT, SEARCHER, seedJudgedSet, STAFF_EMAIL_DOMAINS } from './relevance/seed';

const SERVER_URL = process.env.BENCH_DATABASE_URL;
const STRICT = process.env.RELEVANCE_STRICT === '1';
/** RELEVANCE_VERBOSE=1 prints every query's answer, not only the worst of each kind. */
const WORST_PER_KIND = process.env.RELEVANCE_VERBOSE === '1' ? undefined : 2;

/** A fresh migrated database: PGlite in memory, or a throwaway one on the server. */
async function openTarget(): Promise<{ database: Database; label: string; close(): Promise<void> }> {
  if (!SERVER_URL) {
    const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: undefined });
    return { database, label: 'PGlite (in memory)', close: () => database.close() };
  }
  const name = `kakehashi_relevance_${process.pid}_${Date.now()}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), pgliteDataDir: undefined });
    return {
      database,
      label: `PostgreSQL (${url.host}, throwaway database ${name})`,
      async close() {
        await database.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  } catch (error) {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    throw error;
  }
}

async function run(database: Database): Promise<QueryOutcome[]> {
  const identify = await seedJudgedSet(database.db, JUDGED_PROFILES);
  const deps = { db: database.db, clock: () => SEARCHED_AT, staffEmailDomains: STAFF_EMAIL_DOMAINS };
  const viewer = await resolveViewer(deps, SEARCHER);
  if (viewer.audience !== 'staff') throw new Error(`the searcher should be staff, is ${viewer.audience}`);
  const outcomes: QueryOutcome[] = [];
  for (const query of JUDGED_QUERIES) {
    const { matches } = await searchExperts(deps, {
      viewer,
      viewerSlackUserId: SEARCHER.slackUserId,
      query: query.text,
      limit: RESULT_LIMIT,
      offset: 0,
    });
    outcomes.push(evaluate(query, matches.map((match) => identify(match.member)), JUDGED_PROFILES));
  }
  return outcomes;
}

async function main(): Promise<void> {
  const started = performance.now();
  const target = await openTarget();
  let outcomes: QueryOutcome[];
  try {
    outcomes = await run(target.database);
  } finally {
    await target.close();
  }
  const traps = JUDGED_PROFILES.filter((profile) => profile.trap !== undefined).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const results = goals(outcomes);
  console.log(
    `Relevance of /find-expert on the judged set: ${JUDGED_PROFILES.length - traps} visible profiles and ${traps} privacy traps, ` +
      `${JUDGED_QUERIES.length} queries as staff, limit ${RESULT_LIMIT}; ${target.label}, ${seconds} s\n`,
  );
  console.log(kindTable(outcomes).join('\n'));
  console.log('\nrecall@10 and P@5 count grade 1 and 2, out of at most 10 and 5; direct@10 counts grade 2 only.\n');
  console.log(goalLines(results).join('\n'));
  const which = WORST_PER_KIND === undefined ? 'Every query' : `The ${WORST_PER_KIND} worst queries of each kind (lowest recall@10)`;
  console.log(`\n${which}; key(grade), grade 0 = not relevant, profiles in bench/relevance/profiles/:\n`);
  console.log(answerLines(worstQueries(outcomes, WORST_PER_KIND)).join('\n'));
  if (STRICT && results.some((goal) => !goal.met)) process.exitCode = 1;
}

await main();
