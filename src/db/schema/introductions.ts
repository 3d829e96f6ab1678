import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consentAudienceEnum, members } from './members';

export const INTRODUCTION_PURPOSES = ['policy_research', 'draft_feedback', 'talk', 'mentoring', 'other'] as const;
export const INTRODUCTION_FORMATS = ['call', 'meeting', 'written'] as const;

/** `direct`: asked of one alumnus from the results; `open`: posted to the requests channel. */
export const introductionKindEnum = pgEnum('introduction_kind', ['direct', 'open']);
/**
 * `open`: an open request waiting for volunteers; `pending`: asked of one alumnus, unanswered;
 * `accepted`: introduced (an open request whose requester picked a volunteer too); `declined`;
 * `expired`: nobody answered by the date; `closed`: one side's Slack account stopped taking part
 * (deactivated, became a guest, left the workspace) before an answer.
 */
export const introductionStatusEnum = pgEnum('introduction_status', ['open', 'pending', 'accepted', 'declined', 'expired', 'closed']);
// The purposes are a fixed list with no procurement, budget or contract entry: not what the network is for.
export const introductionPurposeEnum = pgEnum('introduction_purpose', INTRODUCTION_PURPOSES);
export const introductionFormatEnum = pgEnum('introduction_format', INTRODUCTION_FORMATS);

/** Every introduction request with its answers and outcome: the record organizers export. */
export const introductionRequests = pgTable(
  'introduction_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: introductionKindEnum().notNull(),
    status: introductionStatusEnum().notNull(),
    /** Replaced by the requester's pseudonym when they erase their data. */
    requesterSlackUserId: text().notNull(),
    /** Set when the requester has a profile (staff may ask before registering). */
    requesterMemberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
    requesterName: text(),
    /** Whom the requester could see when asking: an open request's volunteers must share with this audience. */
    requesterAudience: consentAudienceEnum().notNull(),
    requesterDivision: text(),
    /** The alumnus asked (direct) or the volunteer the requester picked (open). */
    alumnusMemberId: uuid().references(() => members.id, { onDelete: 'restrict' }),
    /** The search that led to the request: its topic, and what "the next match" is searched with. */
    topic: text().notNull(),
    purpose: introductionPurposeEnum().notNull(),
    details: text().notNull(),
    format: introductionFormatEnum().notNull(),
    /** "By when", a calendar date in the network's time zone; unanswered after it, the request expires. */
    dueDate: date({ mode: 'string' }).notNull(),
    /** The alumnus's conflict-of-interest disclosure as the requester saw it, and when they acknowledged it. */
    coiDisclosure: text(),
    coiAcknowledgedAt: timestamp({ withTimezone: true }),
    /**
     * The ethics notices the requester was shown (ETHICS_NOTICES in src/services/ethics.ts:
     * interested_party, post_retirement) with what matched, and when they acknowledged them; the
     * alumnus is reminded of the same. Empty when nothing matched.
     */
    ethicsNotices: text().array().notNull().default(sql`'{}'::text[]`),
    /**
     * What matched (an EthicsCheck without its notices: `interestedParty`, `postRetirement`), stored as
     * data so that each reader sees it in their own language; rows made before migration 0016 hold
     * `{ "summary": <English text> }`.
     */
    ethicsMatch: jsonb().$type<Record<string, unknown>>(),
    ethicsAcknowledgedAt: timestamp({ withTimezone: true }),
    /**
     * The ethics supervisor the requester chose to notify, if they did (told through the outbox);
     * cleared when the requester erases their data, while `ethics_supervisor_notified_at` keeps the fact.
     */
    ethicsSupervisorSlackUserId: text(),
    /** When the supervisor's DM was delivered. */
    ethicsSupervisorNotifiedAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp({ withTimezone: true }),
    /** Claimed before the 3-day reminder is sent, so it goes out once across instances. */
    reminderSentAt: timestamp({ withTimezone: true }),
    /** Claimed before the requester is told of the expiry, for the same reason. */
    expiryNoticeSentAt: timestamp({ withTimezone: true }),
    /** Where the request was delivered (the alumnus's DM, or the requests channel), to update it. */
    deliveredChannelId: text(),
    deliveredMessageTs: text(),
    /** The group DM opened for the introduction. */
    groupChannelId: text(),
    /** The form's view.id for an open request: the same form delivered twice posts one request. */
    submissionKey: text().unique('introduction_requests_submission_key_unique'),
  },
  (table) => [
    index('introduction_requests_status_due_idx').on(table.status, table.dueDate),
    index('introduction_requests_alumnus_idx').on(table.alumnusMemberId, table.status),
    // Introductions made, per alumnus and when: capacity used this month and "least recently
    // introduced" for search's ranking, read from the index alone.
    index('introduction_requests_accepted_idx')
      .on(table.alumnusMemberId, table.answeredAt)
      .where(sql`${table.status} = 'accepted'`),
    index('introduction_requests_requester_idx').on(table.requesterSlackUserId, table.createdAt),
    index('introduction_requests_created_at_idx').on(table.createdAt),
    // One open ask per requester and alumnus: a second "send" cannot ask the same person again.
    uniqueIndex('introduction_requests_one_pending_idx')
      .on(table.requesterSlackUserId, table.alumnusMemberId)
      .where(sql`${table.status} = 'pending'`),
  ],
);

/** Alumni who pressed "I can help" on an open request. */
export const introductionVolunteers = pgTable(
  'introduction_volunteers',
  {
    requestId: uuid()
      .notNull()
      .references(() => introductionRequests.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'restrict' }),
    volunteeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.memberId] })],
);

export type IntroductionRow = typeof introductionRequests.$inferSelect;
export type NewIntroductionRow = typeof introductionRequests.$inferInsert;
export type IntroductionPurpose = (typeof INTRODUCTION_PURPOSES)[number];
export type IntroductionFormat = (typeof INTRODUCTION_FORMATS)[number];
export type IntroductionStatus = IntroductionRow['status'];
