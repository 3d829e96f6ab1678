/**
 * `npm run bench:rounds`: the pairing of a round (src/services/round-pairing.ts) for 1,000 staff and
 * 1,000 alumni from a seeded generator, after a history of 6 earlier rounds made by the pairing
 * itself (so none of those pairs may be made again). For each organizer setting: the time of the
 * round (median of a few runs, and the max), who is left unpaired, repeats avoided (and made: must be
 * 0), the share of groups sharing a topic and with no division in common. Goal: under 1 s a round.
 * Pure computation: no database.
 */
import { performance } from 'node:perf_hooks';
import { makePairs, type PairingInput } from '../src/services/round-pairing';
import { pairKey, pairsOf, population, simulate } from './rounds-population';

const HISTORY_ROUNDS = 6;
const RUNS = 5;
const GOAL_MS = 1_000;

const SCENARIOS: { label: string; staff: number; alumni: number; settings: PairingInput['settings'] }[] = [
  { label: 'pairs, staff × alumni, flagged pairs noticed', staff: 1_000, alumni: 1_000, settings: { pairSize: 2, mix: 'staff_alumni', flaggedPairs: 'notice' } },
  { label: 'trios, staff × alumni, flagged pairs avoided', staff: 1_000, alumni: 1_000, settings: { pairSize: 3, mix: 'staff_alumni', flaggedPairs: 'avoid' } },
  { label: 'pairs, also alumni × alumni, more alumni', staff: 1_000, alumni: 1_300, settings: { pairSize: 2, mix: 'also_alumni_alumni', flaggedPairs: 'notice' } },
  { label: 'pairs, staff × alumni, fewer alumni (trios absorb staff)', staff: 1_000, alumni: 800, settings: { pairSize: 2, mix: 'staff_alumni', flaggedPairs: 'avoid' } },
];

const percent = (part: number, whole: number) => `${whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1)}%`;

console.log(`Pairing a round after ${HISTORY_ROUNDS} earlier rounds, ${RUNS} runs of the round, in ms\n`);
let slowest = 0;
for (const scenario of SCENARIOS) {
  const people = population(scenario.staff, scenario.alumni, `bench-${scenario.staff}-${scenario.alumni}`);
  const earlier = simulate(people, HISTORY_ROUNDS, scenario.settings, HISTORY_ROUNDS, 'bench');
  const input: PairingInput = {
    candidates: people.candidates,
    recentPairs: earlier.flatMap(({ result }) => pairsOf(result)),
    flaggedPairs: people.flaggedPairs,
    settings: scenario.settings,
    seed: 'bench-measured',
  };
  const times: number[] = [];
  let result = makePairs(input);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = makePairs(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const max = Math.max(times.at(-1)!, ...earlier.map(({ ms }) => ms));
  slowest = Math.max(slowest, max);

  const recent = new Set(input.recentPairs.map(pairKey));
  const repeatsMade = pairsOf(result).filter((pair) => recent.has(pairKey(pair))).length + earlier.reduce((sum, round) => sum + round.repeats, 0);
  const groups = result.groups.length;
  const sizes = [2, 3].map((size) => `${result.groups.filter((group) => group.memberIds.length === size).length} of ${size}`).join(', ');
  const { stats } = result;
  console.log(`${scenario.label}: ${scenario.staff.toLocaleString('en')} staff, ${scenario.alumni.toLocaleString('en')} alumni`);
  console.log(`  time per round        median ${median.toFixed(1)}, max ${max.toFixed(1)} (the ${HISTORY_ROUNDS} earlier rounds included)`);
  console.log(`  groups                ${groups} (${sizes})`);
  console.log(`  left unpaired         ${result.unpaired.length}${result.unpaired.length ? ` (${result.unpaired.slice(0, 5).map(({ id }) => id).join(', ')}${result.unpaired.length > 5 ? ', …' : ''})` : ''}`);
  console.log(`  repeats avoided       ${stats.repeatsAvoided.toLocaleString('en')} earlier pairs not made again; repeats made: ${repeatsMade}`);
  console.log(`  sharing a topic       ${percent(result.groups.filter((group) => group.sharedTopics.length > 0).length, groups)}`);
  console.log(`  cross-division        ${percent(stats.crossDivision, groups)}`);
  console.log(`  flagged               ${stats.flaggedWithNotice} with notice, ${stats.flaggedAvoided} avoided\n`);
}
console.log(`Goal (under ${GOAL_MS} ms a round): ${slowest < GOAL_MS ? 'met' : 'missed'} (slowest ${slowest.toFixed(1)} ms)`);
