import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';

/** How often a round starts. */
export const ROUND_CADENCES = ['weekly', 'biweekly', 'every_4_weeks'] as const;
export const roundCadenceEnum = pgEnum('round_cadence', ROUND_CADENCES);
/** Who is paired with whom: staff × alumni only, or alumni × alumni as well. */
export const ROUND_MIXES = ['staff_alumni', 'also_alumni_alumni'] as const;
export const roundMixEnum = pgEnum('round_mix', ROUND_MIXES);
/** What a pair the interested-party check flags gets: the notice, or another partner. */
export const ROUND_FLAGGED_PAIRS = ['notice', 'avoid'] as const;
export const roundFlaggedPairsEnum = pgEnum('round_flagged_pairs', ROUND_FLAGGED_PAIRS);

/**
 * The organizers' settings for rounds: one row (`id` = 1). `next_start_at` is when the next round
 * starts; the instance that claims it (`round_runs`) starts it and moves this on by the cadence.
 */
export const roundSettings = pgTable(
  'round_settings',
  {
    id: integer().primaryKey().default(1),
    enabled: boolean().notNull().default(false),
    cadence: roundCadenceEnum().notNull().default('biweekly'),
    nextStartAt: timestamp({ withTimezone: true }),
    /** Staff who joined the ministry at most this many years ago may join; null: any staff. */
    staffMaxYears: integer(),
    pairSize: integer().notNull().default(2),
    mix: roundMixEnum().notNull().default('staff_alumni'),
    flaggedPairs: roundFlaggedPairsEnum().notNull().default('notice'),
    /** A pair is not made again within this many rounds. */
    noRepeatRounds: integer().notNull().default(6),
    updatedBySlackUserId: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('round_settings_single_row', sql`${table.id} = 1`),
    check('round_settings_pair_size', sql`${table.pairSize} in (2, 3)`),
  ],
);

export const roundParticipantStatusEnum = pgEnum('round_participant_status', ['active', 'paused', 'left']);

/** Who takes part in rounds, and what a staff member is curious about. */
export const roundParticipants = pgTable(
  'round_participants',
  {
    memberId: uuid()
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    status: roundParticipantStatusEnum().notNull().default('active'),
    /** 'self' (they paused) or 'ignored' (three rounds without an answer in a row). */
    pausedReason: text(),
    /** Taxonomy topic keys a staff member is curious about (alumni are paired by their profile's topics). */
    curiousTopics: text().array().notNull().default(sql`'{}'::text[]`),
    curiousText: text(),
    /** Rounds in a row in which they answered nothing: at 3 they are paused and told. */
    ignoredInARow: integer().notNull().default(0),
    joinedAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('round_participants_status_idx').on(table.status)],
);

export const roundStatusEnum = pgEnum('round_status', ['started', 'checked_in', 'finished']);

/**
 * One round, made by the instance that inserted it (the unique `starts_at` makes the start
 * once-only); pairs and their DMs are recorded in the same transaction and sent by the outbox.
 */
export const rounds = pgTable(
  'rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: integer().notNull().unique('rounds_number_unique'),
    startsAt: timestamp({ withTimezone: true }).notNull().unique('rounds_starts_at_unique'),
    /** Midway: the check-in ("did you meet?"). */
    checkInAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    status: roundStatusEnum().notNull().default('started'),
    /** The pairing's seed: the same seed and people give the same pairs. */
    seed: text().notNull(),
    /** The settings the round was made with (pair size, mix, flagged pairs, …). */
    settings: jsonb().$type<Record<string, unknown>>().notNull(),
    /**
     * Active participants who could not be paired this round, by reason (no longer eligible, at
     * capacity, no partner): counts only. The paused and the unavailable are not counted.
     */
    unpaired: jsonb().$type<Record<string, number>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('rounds_status_idx').on(table.status, table.checkInAt)],
);

/** A pair (or trio) of one round, with its group DM and what the interested-party check found. */
export const roundPairs = pgTable(
  'round_pairs',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    /** Topic keys the pair shares (why they were paired). */
    sharedTopics: text().array().notNull().default(sql`'{}'::text[]`),
    /** Ethics findings per staff member in the pair (as StoredEthicsMatch), when the check flagged them. */
    ethicsMatch: jsonb().$type<Record<string, unknown>>(),
    groupChannelId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('round_pairs_round_idx').on(table.roundId)],
);

export const roundAnswerEnum = pgEnum('round_answer', ['met', 'not_yet', 'skip']);

/** Each person of a pair, and what they answered. */
export const roundPairMembers = pgTable(
  'round_pair_members',
  {
    pairId: uuid()
      .notNull()
      .references(() => roundPairs.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    answer: roundAnswerEnum(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.pairId, table.memberId] }),
    // Earlier partners (no repeats) and a member's rounds, by member.
    index('round_pair_members_member_idx').on(table.memberId),
  ],
);

export type RoundSettingsRow = typeof roundSettings.$inferSelect;
export type RoundParticipantRow = typeof roundParticipants.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type RoundPairRow = typeof roundPairs.$inferSelect;
export type RoundPairMemberRow = typeof roundPairMembers.$inferSelect;
export type RoundCadence = (typeof ROUND_CADENCES)[number];
export type RoundMix = (typeof ROUND_MIXES)[number];
export type RoundAnswer = RoundPairMemberRow['answer'];
