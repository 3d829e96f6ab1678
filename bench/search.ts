/**
 * `npm run bench:search`: latency of /find-expert's search on 1,000, 10,000 and 100,000 synthetic
 * bilingual profiles, with about one accepted introduction per five members over the past year
 * (some this month, so capacity and "least recently introduced" take part in the ranking), in a
 * throwaway Postgres database (BENCH_DATABASE_URL or TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres), then the plans of two queries at the largest size.
 * Goal: p95 under 30 ms at 100,000. BENCH_SIZES (e.g. 100000) limits the sizes, BENCH_AUDIENCE=alumni
 * searches as an alumnus. The database is dropped at the end, unless BENCH_KEEP=1 (to study plans
 * in psql afterwards).
 */
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '../src/db/client';
import { openDatabase, preparedStatements } from '../src/db/client';
import * as schema from '../src/db/schema';
import type { ServiceDeps } from '../src/services/deps';
import { networkMonthStart, networkToday } from '../src/services/calendar';
import { searchExperts } from '../src/services/search';
import { searchDocumentFor } from '../src/services/search-text';
import { POLICY_TOPICS, TOPIC_KEYS } from '../src/services/taxonomy';

const SERVER_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const KEEP = process.env.BENCH_KEEP === '1';
/** Who searches: staff (the usual case) or alumni, whose searches use the alumni partial indexes. */
const AUDIENCE = process.env.BENCH_AUDIENCE === 'alumni' ? 'alumni' : 'staff';
const RUNS = 60;
const QUERIES = ['再エネ 系統', '半導体 サプライチェーン', 'DX', 'renewable energy', '中小企業', 'スタートアップ 投資', '経済安保', 'AI', '知財', '宇宙'];
/** Measured too, not seeded: several words, and whole questions as staff write them. */
const QUESTIONS = [
  '経済安全保障 輸出管理',
  '宇宙 スタートアップ 投資',
  '輸出管理と経済安全保障に詳しいOBの方、どなたかご存じですか？',
  'Does anyone know someone with experience in semiconductor supply chains?',
];

/** A small seeded generator, so every run measures the same data. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const JA_PHRASES = [
  '系統接続の実務', 'FIP制度の運用', '洋上風力の案件形成', '水素サプライチェーン', '半導体工場の誘致', 'サプライチェーン強靱化',
  '中小企業の資金繰り支援', '事業承継', 'スタートアップへの投資', 'ベンチャーキャピタル', '経済安全保障推進法', '輸出管理',
  'デジタルトランスフォーメーション', '生成AIの活用', 'データ連携基盤', '知的財産戦略', '国際標準化', '地域経済の活性化',
  '防災・減災', 'リスキリング', '規制改革の提案', 'ヘルスケア産業', 'コンテンツ輸出', '宇宙ビジネス', 'モビリティの電動化',
  '通商交渉', 'インフラ輸出', '循環経済', '物流の効率化', 'カーボンニュートラル',
];
const EN_PHRASES = [
  'grid connection', 'offshore wind projects', 'semiconductor supply chains', 'SME finance', 'start-up investment',
  'economic security', 'export controls', 'digital transformation', 'AI governance', 'intellectual property',
  'standards', 'regional revitalisation', 'disaster resilience', 'reskilling', 'regulatory reform', 'trade negotiations',
  'circular economy', 'healthcare industry', 'space industry', 'EV batteries',
];
const JA_TEMPLATES = [
  (a: string, b: string) => `${a}や${b}について、民間の立場から意見交換できます。`,
  (a: string, b: string) => `前職では${a}を担当し、現在は${b}に関わっています。若手職員の相談にも乗ります。`,
  (a: string, b: string) => `${a}の現場感覚と${b}の政策課題について、勉強会でお話しできます。`,
];
const ORGANISATIONS = ['株式会社グリーンパワー総研', 'Acme Capital', '日本データ戦略研究所', 'みらいベンチャーズ', 'Tokyo Advisory Partners', '株式会社ものづくり未来', '国際協力銀行', 'Global Chips Inc.'];
const TITLES = ['主席研究員', 'パートナー', 'Managing Director', '代表取締役', 'Senior Manager', '執行役員', 'Professor'];
const DIVISIONS = ['資源エネルギー庁 省エネルギー課', '商務情報政策局 情報産業課', '中小企業庁 金融課', '通商政策局 通商機構部', '産業技術環境局 基準認証政策課', '製造産業局 自動車課', '経済産業政策局 産業組織課'];

function syntheticProfile(n: number) {
  const topics = [...new Set([pick(TOPIC_KEYS), pick(TOPIC_KEYS), ...(rand() < 0.5 ? [pick(TOPIC_KEYS)] : [])])];
  const english = rand() < 0.2;
  const sentences = Array.from({ length: 2 + Math.floor(rand() * 2) }, () =>
    english
      ? `I can talk about ${pick(EN_PHRASES)} and ${pick(EN_PHRASES)} from the private side, and mentor young staff.`
      : pick(JA_TEMPLATES)(pick(JA_PHRASES), pick(JA_PHRASES)),
  );
  const topicLabels = topics.map((key) => POLICY_TOPICS.find((topic) => topic.key === key)![english ? 'en' : 'ja']);
  const profile = {
    topics,
    helpText: `${topicLabels.join('、')}。${sentences.join(' ')}`,
    organisation: pick(ORGANISATIONS),
    title: pick(TITLES),
    formerDivisions: `${pick(DIVISIONS)}、${pick(DIVISIONS)}`,
  };
  const status = rand() < 0.9 ? 'active' : pick(['pending', 'declined']);
  return {
    pseudonym: `B-${n}`,
    slack_user_id: `UBENCH${n}`,
    email: `member${n}@bench.example`,
    name: `Bench Member ${n}`,
    member_type: rand() < 0.85 ? 'alumni' : pick(['returnee', 'staff']),
    status,
    organisation: profile.organisation,
    title: profile.title,
    former_divisions: profile.formerDivisions,
    topics: `{${topics.join(',')}}`,
    help_text: profile.helpText,
    monthly_capacity: rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 3),
    // A few declined a request lately and said until when they are busy.
    unavailable_until: rand() < 0.03 ? networkToday(new Date(Date.now() + (1 + Math.floor(rand() * 60)) * 86_400_000)) : null,
    share_with_staff: rand() < 0.7,
    share_with_alumni: rand() < 0.4,
    profile_confirmed_at: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 500) * 86_400_000).toISOString(),
    search_document: searchDocumentFor(profile),
  };
}

async function insertProfiles(client: postgres.Sql, from: number, to: number): Promise<void> {
  const batch = 1_000;
  for (let start = from; start < to; start += batch) {
    const rows = Array.from({ length: Math.min(batch, to - start) }, (_, i) => syntheticProfile(start + i));
    await client`insert into members ${client(rows)}`;
  }
}

const DAY_MS = 86_400_000;

/**
 * Requests to the members `from`..`to` of the bench: about one accepted introduction per five
 * members, answered over the past year (a twelfth of them this month), some declined or expired, and
 * a few pending, each to a member picked at random.
 */
async function insertIntroductions(client: postgres.Sql, from: number, to: number): Promise<void> {
  const members = await client<{ id: string }[]>`select id from members where pseudonym = any(${Array.from({ length: to - from }, (_, i) => `B-${from + i}`)})`;
  const now = Date.now();
  const monthStart = networkMonthStart(new Date(now)).getTime();
  const rows = Array.from({ length: Math.round((to - from) * 0.3) }, (_, n) => {
    const roll = rand();
    const status = roll < 2 / 3 ? 'accepted' : roll < 0.95 ? pick(['declined', 'expired']) : 'pending';
    // A twelfth of the accepted ones this month, the rest over the past year.
    const answeredAt =
      status === 'pending' ? null : rand() < 1 / 12 ? monthStart + rand() * (now - monthStart) : now - rand() * 365 * DAY_MS;
    const createdAt = (answeredAt ?? now) - Math.floor(rand() * 7) * DAY_MS;
    return {
      kind: rand() < 0.8 ? 'direct' : 'open',
      status,
      // One requester per pending ask: an ask from a requester to an alumnus is pending at most once.
      requester_slack_user_id: status === 'pending' ? `UPENDING${from + n}` : `UREQ${Math.floor(rand() * 2_000)}`,
      requester_audience: 'staff',
      alumnus_member_id: pick(members).id,
      topic: pick(QUERIES),
      purpose: pick(['policy_research', 'draft_feedback', 'talk', 'mentoring', 'other']),
      details: '政策立案の参考に、現場の実務について伺いたいです。',
      format: pick(['call', 'meeting', 'written']),
      due_date: networkToday(new Date(createdAt + 14 * DAY_MS)),
      created_at: new Date(createdAt).toISOString(),
      answered_at: answeredAt === null ? null : new Date(answeredAt).toISOString(),
    };
  });
  for (let start = 0; start < rows.length; start += 1_000) {
    await client`insert into introduction_requests ${client(rows.slice(start, start + 1_000))}`;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(deps: ServiceDeps, query: string): Promise<{ p50: number; p95: number; found: number }> {
  const run = () =>
    searchExperts(deps, {
      viewer: { audience: AUDIENCE, isOrganizer: false, member: undefined },
      viewerSlackUserId: 'UBENCH0',
      query,
      limit: 5,
      offset: 0,
    });
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    found = (await run()).matches.length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), found };
}

/** The plan's nodes (which index each scan used, what was never executed) with their actual times. */
function planSummary(lines: string[]): string[] {
  return lines
    .filter((line) => line.includes('(cost=') || /^(Planning|Execution) Time/.test(line.trim()))
    .map((line) => line.replace(/ +\(cost=[^)]*\)/, '').slice(0, 160));
}

async function main(): Promise<void> {
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  const name = `kakehashi_bench_${process.pid}_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
  let lastQuery: { sql: string; params: unknown[] } | undefined;
  try {
    await (await openDatabase({ databaseUrl: url.toString(), pgliteDataDir: undefined })).close();
    // Prepared statements, as the bot runs its queries (plans cached after a few runs).
    const db = drizzle(preparedStatements(client), {
      schema,
      casing: 'snake_case',
      logger: { logQuery: (sql, params) => (lastQuery = { sql, params }) },
    }) as unknown as Db;
    const deps: ServiceDeps = { db, clock: () => new Date(), staffEmailDomains: [] };

    console.log(`Search latency through searchExperts (${AUDIENCE}, limit 5), ${RUNS} runs per query, in ms\n`);
    let stored = 0;
    for (const size of SIZES) {
      const started = performance.now();
      await insertProfiles(client, stored, size);
      await insertIntroductions(client, stored, size);
      stored = size;
      await client`vacuum analyze members`;
      await client`vacuum analyze introduction_requests`;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${size.toLocaleString('en')} profiles (generated and inserted in ${seconds} s)`);
      console.log(`  ${'query'.padEnd(28)} ${'p50'.padStart(7)} ${'p95'.padStart(7)}  found`);
      for (const query of [...QUERIES, ...QUESTIONS]) {
        const { p50, p95, found } = await measure(deps, query);
        console.log(`  ${query.padEnd(28 - [...query].filter((c) => c.charCodeAt(0) > 0x2e80).length)} ${p50.toFixed(2).padStart(7)} ${p95.toFixed(2).padStart(7)}  ${found}`);
      }
      console.log('');
    }
    // A topic alone (confirmation index only); a topic and a word common among its members (read
    // in order); a topic and a word rare among them (GIN index on topics and document).
    for (const query of ['DX', '半導体 サプライチェーン', '宇宙 事業承継']) {
      await measure(deps, query);
      const plan = await client.unsafe(`explain (analyze, buffers) ${lastQuery!.sql}`, lastQuery!.params as never[]);
      console.log(`EXPLAIN ANALYZE at ${stored.toLocaleString('en')} profiles, "${query}" (plan nodes only):`);
      for (const line of planSummary(plan.map((row) => String(row['QUERY PLAN'])))) console.log(`  ${line}`);
      console.log('');
    }
    const sizes = await client<{ name: string; size: string }[]>`
      select relname as name, pg_size_pretty(pg_relation_size(oid)) as size from pg_class
      where relname in ('members_search_document_idx', 'members_staff_search_idx', 'members_alumni_search_idx',
        'members_staff_search_recent_idx', 'members_alumni_search_recent_idx', 'introduction_requests_accepted_idx')
      order by relname`;
    console.log(`Indexes: ${sizes.map((index) => `${index.name} ${index.size}`).join(', ')}`);
    const [total] = await client`select pg_size_pretty(pg_total_relation_size('members')) as size`;
    console.log(`members table with indexes and TOAST: ${total!.size}`);
  } finally {
    await client.end();
    if (KEEP) console.log(`Kept the database: ${url.toString()}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
