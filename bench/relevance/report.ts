/** The bench's printout: a table per kind of query, the issue's goals, and the worst answers. */
import type { QueryOutcome } from './metrics';
import { QUERY_KINDS, type QueryKind } from './types';

const mean = (values: readonly number[]) => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);
const fixed = (value: number) => (Number.isNaN(value) ? '   -' : value.toFixed(2));
const pad = (text: string | number, width: number) => String(text).padStart(width);

const SENTENCES: readonly QueryKind[] = ['sentence_ja', 'sentence_en'];

export interface Goal {
  name: string;
  value: number;
  goal: string;
  met: boolean;
  /** A number of answers rather than a mean. */
  count?: boolean;
}

/** The issue's goals, measured on these outcomes. */
export function goals(outcomes: readonly QueryOutcome[]): Goal[] {
  const literal = outcomes.flatMap((outcome) => (outcome.literalRecall === undefined ? [] : [outcome.literalRecall]));
  const concept = outcomes.filter((outcome) => !(outcome.query.kind === 'single_word' && outcome.query.literal));
  const sentences = outcomes.filter((outcome) => SENTENCES.includes(outcome.query.kind));
  const empty = outcomes.filter((outcome) => outcome.empty).length;
  const leaks = outcomes.reduce((sum, outcome) => sum + outcome.leaks.length, 0);
  const literalRecall = mean(literal);
  const conceptRecall = mean(concept.map((outcome) => outcome.recall));
  const sentencePrecision = mean(sentences.map((outcome) => outcome.precision));
  return [
    { name: `literal recall (${literal.length} literal queries)`, value: literalRecall, goal: '= 1.00', met: literalRecall === 1 },
    { name: `concept recall@10 (${concept.length} queries)`, value: conceptRecall, goal: '≥ 0.95', met: conceptRecall >= 0.95 },
    { name: `precision@5 on sentences (${sentences.length})`, value: sentencePrecision, goal: '≥ 0.80', met: sentencePrecision >= 0.8 },
    { name: 'empty answers, a relevant member existing', value: empty, goal: '= 0', met: empty === 0, count: true },
    { name: 'privacy leaks', value: leaks, goal: '= 0', met: leaks === 0, count: true },
  ];
}

function row(label: string, outcomes: readonly QueryOutcome[]): string {
  const leaks = outcomes.reduce((sum, outcome) => sum + outcome.leaks.length, 0);
  return [
    label.padEnd(24),
    pad(outcomes.length, 7),
    pad(fixed(mean(outcomes.map((o) => o.recall))), 10),
    pad(fixed(mean(outcomes.flatMap((o) => (o.directRecall === undefined ? [] : [o.directRecall])))), 10),
    pad(fixed(mean(outcomes.map((o) => o.precision))), 6),
    pad(fixed(mean(outcomes.map((o) => o.ndcg))), 8),
    pad(outcomes.filter((o) => o.empty).length, 6),
    pad(leaks, 6),
  ].join(' ');
}

export function kindTable(outcomes: readonly QueryOutcome[]): string[] {
  const header = ['kind'.padEnd(24), pad('queries', 7), pad('recall@10', 10), pad('direct@10', 10), pad('P@5', 6), pad('nDCG@10', 8), pad('empty', 6), pad('leaks', 6)].join(' ');
  return [
    header,
    '-'.repeat(header.length),
    ...QUERY_KINDS.map((kind) => row(kind, outcomes.filter((outcome) => outcome.query.kind === kind))),
    '-'.repeat(header.length),
    row('all', outcomes),
  ];
}

export function goalLines(results: readonly Goal[]): string[] {
  return results.map((goal) => {
    const value = goal.count ? String(goal.value) : fixed(goal.value);
    return `${goal.name.padEnd(46)} ${pad(value, 6)}   goal ${goal.goal.padEnd(7)} ${goal.met ? 'met' : 'MISSED'}`;
  });
}

const marked = (outcome: QueryOutcome, key: string) =>
  outcome.leaks.includes(key) ? `${key}!LEAK` : `${key}(${outcome.judged.get(key) ?? 0})`;

/** The `perKind` queries of each kind with the lowest recall (then nDCG); every query if undefined. */
export function worstQueries(outcomes: readonly QueryOutcome[], perKind: number | undefined): QueryOutcome[] {
  return QUERY_KINDS.flatMap((kind) => {
    const ofKind = outcomes.filter((outcome) => outcome.query.kind === kind);
    return perKind === undefined ? ofKind : [...ofKind].sort((a, b) => a.recall - b.recall || a.ndcg - b.ndcg).slice(0, perKind);
  });
}

/** Each query with what came back and the relevant members that did not. */
export function answerLines(outcomes: readonly QueryOutcome[]): string[] {
  return outcomes.flatMap((outcome) => {
    const returned = new Set(outcome.returned.map((member) => member.key));
    const missing = [...outcome.judged].filter(([key]) => !returned.has(key)).sort((a, b) => b[1] - a[1]);
    const shown = missing.slice(0, 10).map(([key, g]) => `${key}(${g})`);
    return [
      `${outcome.query.id} ${outcome.query.kind.padEnd(23)} recall ${fixed(outcome.recall)}  P@5 ${fixed(outcome.precision)}  nDCG ${fixed(outcome.ndcg)}  「${outcome.query.text}」`,
      `    returned: ${outcome.returned.length === 0 ? '(nothing)' : outcome.returned.map((member) => marked(outcome, member.key)).join(' ')}`,
      `    missed:   ${shown.join(' ')}${missing.length > shown.length ? ` … +${missing.length - shown.length}` : ''}`,
    ];
  });
}
