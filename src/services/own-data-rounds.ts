import type { OwnDataRepository } from '../db/repositories/own-data';
import type { RoundAnswer, RoundParticipantRow } from '../db/schema';

/** Rounds in the own-data file: whether the member takes part, and every pair they were in. */
export interface OwnRounds {
  /** null when they never joined (or erased their data, which takes them out). */
  participation: {
    status: RoundParticipantRow['status'];
    /** 'self' (they paused) or 'ignored' (three rounds without an answer). */
    pausedReason: string | null;
    curiousTopics: string[];
    curiousText: string | null;
    joinedAt: string;
    updatedAt: string;
  } | null;
  pairs: {
    round: number;
    startsAt: string;
    endsAt: string;
    sharedTopics: string[];
    /** The others of the pair by name, as the rest of the file names people; null for one who erased their data. */
    partners: (string | null)[];
    yourAnswer: RoundAnswer;
    answeredAt: string | null;
  }[];
}

export function ownRounds(
  participant: RoundParticipantRow | undefined,
  pairs: Awaited<ReturnType<OwnDataRepository['roundPairs']>>,
): OwnRounds {
  return {
    participation: participant
      ? {
          status: participant.status,
          pausedReason: participant.pausedReason,
          curiousTopics: participant.curiousTopics,
          curiousText: participant.curiousText,
          joinedAt: participant.joinedAt.toISOString(),
          updatedAt: participant.updatedAt.toISOString(),
        }
      : null,
    pairs: pairs.map((pair) => ({
      round: pair.round,
      startsAt: pair.startsAt.toISOString(),
      endsAt: pair.endsAt.toISOString(),
      sharedTopics: pair.sharedTopics,
      partners: pair.partners,
      yourAnswer: pair.answer,
      answeredAt: pair.answeredAt?.toISOString() ?? null,
    })),
  };
}
