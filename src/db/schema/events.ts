import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';

/** `alumni`: alumni and returnees only; `all`: alumni and current staff. */
export const eventAudienceEnum = pgEnum('event_audience', ['alumni', 'all']);
export const eventStatusEnum = pgEnum('event_status', ['scheduled', 'cancelled']);
export const rsvpAnswerEnum = pgEnum('rsvp_answer', ['going', 'maybe', 'not_going']);

/** A meetup (交流会) announced by an organizer. */
export const events = pgTable(
  'events',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** A venue or an online link. */
    place: text().notNull(),
    description: text(),
    audience: eventAudienceEnum().notNull(),
    /** null: no limit. */
    capacity: integer(),
    /** Yen per person (0: free); null for events made before it was asked. */
    feePerPerson: integer(),
    /** Who pays the cost (EVENT_FEE_PAYERS in src/services/ethics.ts), and the format (EVENT_FORMATS: standing, seated, no_meal). */
    feePayer: text(),
    format: text(),
    rsvpDeadline: timestamp({ withTimezone: true }),
    status: eventStatusEnum().notNull().default('scheduled'),
    organizerSlackUserId: text().notNull(),
    /** Where the announcement was posted, to update it with counts, edits and cancellation. */
    channelId: text().notNull(),
    messageTs: text(),
    /**
     * The view submission (`view.id`) that created the event: the same form submitted twice (a
     * retry, two instances) creates one event, and so one announcement. null for events made otherwise.
     */
    submissionKey: text().unique('events_submission_key_unique'),
    /** The last edit's view submission: the same edit submitted twice is saved, and told, once. */
    editSubmissionKey: text(),
    /**
     * One more with every change the announcement or the members must hear of (answers, edits,
     * cancellation, erasures); the outbox keys of that change carry it, so each change is told once
     * and a refresh older than the current revision is skipped (a later one shows the current state).
     */
    revision: integer().notNull().default(0),
    /**
     * When the organizer was told "saved, posting" (the form closed before the announcement was
     * posted): a post Slack then refuses is told to them by DM. Until then the form shows it.
     */
    postingToldAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('events_starts_at_idx').on(table.startsAt)],
);

/** One answer per member per event. */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    answer: rsvpAnswerEnum().notNull(),
    /** "Going" on a full event: on the waitlist, in the order of `waitlistNumber`. */
    waitlisted: boolean().notNull().default(false),
    waitlistedAt: timestamp({ withTimezone: true }),
    /** Given under the event's lock, one more than the last: the waitlist's order of arrival. */
    waitlistNumber: integer(),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The reminder Slack holds for this member (chat.scheduleMessage), to move or delete it. */
    reminderChannelId: text(),
    reminderScheduledMessageId: text(),
    reminderPostAt: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.memberId] }), index('event_rsvps_member_idx').on(table.memberId)],
);

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
export type EventRsvpRow = typeof eventRsvps.$inferSelect;
export type RsvpAnswer = EventRsvpRow['answer'];
export type EventAudience = EventRow['audience'];
