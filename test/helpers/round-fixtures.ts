import { createRepositories } from '../../src/db/repositories';
import type { Db } from '../../src/db/client';
import type { MemberRow, RoundAnswer, RoundRow } from '../../src/db/schema';

const DAY = 24 * 60 * 60_000;
let roundNumber = 0;

/** A round that started at `startsAt` (two weeks long), as the sweep records it. */
export async function givenRound(db: Db, startsAt: Date, overrides: Partial<RoundRow> = {}): Promise<RoundRow> {
  roundNumber += 1;
  const round = await createRepositories(db).rounds.insertRound({
    number: roundNumber,
    startsAt,
    checkInAt: new Date(startsAt.getTime() + 7 * DAY),
    endsAt: new Date(startsAt.getTime() + 14 * DAY),
    seed: `seed-${roundNumber}`,
    settings: { pairSize: 2, mix: 'staff_alumni', flaggedPairs: 'notice', noRepeatRounds: 6 },
    unpaired: {},
    createdAt: startsAt,
    ...overrides,
  });
  return round!;
}

/** A pair of the round with what each person answered (none unless stated). */
export async function givenRoundPair(
  db: Db,
  round: RoundRow,
  people: { member: MemberRow; answer?: NonNullable<RoundAnswer>; answeredAt?: Date }[],
  options: { sharedTopics?: string[]; ethicsMatch?: Record<string, unknown> | null } = {},
) {
  const repos = createRepositories(db);
  const [pair] = await repos.rounds.insertPairs(
    round.id,
    [{ memberIds: people.map(({ member }) => member.id), sharedTopics: options.sharedTopics ?? [], ethicsMatch: options.ethicsMatch ?? null }],
    round.startsAt,
  );
  for (const { member, answer, answeredAt } of people) {
    if (answer) await repos.rounds.answer(pair!.id, member.id, answer, answeredAt ?? round.startsAt);
  }
  return pair!;
}
