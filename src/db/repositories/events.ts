import { and, asc, count, eq, gt, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  auditEvents,
  deliveries,
  eventRsvps,
  events,
  memberColumns,
  members,
  type EventAudience,
  type EventRow,
  type EventRsvpRow,
  type MemberRow,
  type NewEventRow,
  type RsvpAnswer,
} from '../schema';

/** The `event.notice` payload's `notice` of a meal notice (DELIVERIES.mealNotice). */
const MEAL_NOTICE_PAYLOAD = 'meal_notice';
/** The audit trail's action when a meal notice was given (sent): services/meal-notices.ts. */
export const MEAL_NOTICE_GIVEN = 'event.meal_notice_given';

export interface RsvpCountsRow {
  going: number;
  maybe: number;
  notGoing: number;
  waitlisted: number;
}

export interface RsvpWithMember {
  rsvp: EventRsvpRow;
  member: MemberRow;
}

export function createEventsRepository({ db }: { db: Db }) {
  return {
    async insert(values: NewEventRow): Promise<EventRow> {
      const [row] = await db.insert(events).values(values).returning();
      return row!;
    },

    /** Inserts the event unless one was already made by the same submission (`submissionKey`); returns it only if new. */
    async insertOnce(values: NewEventRow): Promise<EventRow | undefined> {
      const [row] = await db.insert(events).values(values).onConflictDoNothing({ target: events.submissionKey }).returning();
      return row;
    },

    async findBySubmissionKey(submissionKey: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(eq(events.submissionKey, submissionKey));
      return row;
    },

    /** Counts one more change of the event (callers hold its lock); returns the new revision. */
    async bumpRevision(id: string): Promise<number> {
      const [row] = await db
        .update(events)
        .set({ revision: sql`${events.revision} + 1` })
        .where(eq(events.id, id))
        .returning({ revision: events.revision });
      return row!.revision;
    },

    async findById(id: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(eq(events.id, id));
      return row;
    },

    /**
     * Reads the event and locks its row until the transaction ends: answers to one event are taken
     * one at a time, so the last place cannot be given twice, whichever instance answers.
     */
    async lockById(id: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(eq(events.id, id)).for('update');
      return row;
    },

    async update(id: string, values: Partial<NewEventRow>): Promise<EventRow> {
      const [row] = await db.update(events).set(values).where(eq(events.id, id)).returning();
      return row!;
    },

    async delete(id: string): Promise<void> {
      await db.delete(events).where(eq(events.id, id));
    },

    /** Counts for several events in one query (events with no answer yet are absent). */
    async countsFor(eventIds: string[]): Promise<Map<string, RsvpCountsRow>> {
      if (eventIds.length === 0) return new Map();
      const rows = await db
        .select({
          eventId: eventRsvps.eventId,
          going: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'going' and not ${eventRsvps.waitlisted})`.mapWith(Number),
          maybe: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'maybe')`.mapWith(Number),
          notGoing: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'not_going')`.mapWith(Number),
          waitlisted: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'going' and ${eventRsvps.waitlisted})`.mapWith(Number),
        })
        .from(eventRsvps)
        .where(inArray(eventRsvps.eventId, eventIds))
        .groupBy(eventRsvps.eventId);
      return new Map(rows.map(({ eventId, ...counts }) => [eventId, counts]));
    },

    async counts(eventId: string): Promise<RsvpCountsRow> {
      const [row] = await db
        .select({
          going: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'going' and not ${eventRsvps.waitlisted})`.mapWith(Number),
          maybe: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'maybe')`.mapWith(Number),
          notGoing: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'not_going')`.mapWith(Number),
          waitlisted: sql<number>`count(*) filter (where ${eventRsvps.answer} = 'going' and ${eventRsvps.waitlisted})`.mapWith(Number),
        })
        .from(eventRsvps)
        .where(eq(eventRsvps.eventId, eventId));
      return row ?? { going: 0, maybe: 0, notGoing: 0, waitlisted: 0 };
    },

    async findRsvp(eventId: string, memberId: string): Promise<EventRsvpRow | undefined> {
      const [row] = await db
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.memberId, memberId)));
      return row;
    },

    async saveRsvp(values: {
      eventId: string;
      memberId: string;
      answer: RsvpAnswer;
      waitlisted: boolean;
      waitlistedAt: Date | null;
      answeredAt: Date;
    }): Promise<EventRsvpRow> {
      // Callers hold the event's lock, so the next number cannot be taken twice.
      const waitlistNumber = values.waitlisted
        ? sql<number>`(select coalesce(max(${eventRsvps.waitlistNumber}), 0) + 1 from ${eventRsvps} where ${eventRsvps.eventId} = ${values.eventId})`
        : null;
      const [row] = await db
        .insert(eventRsvps)
        .values({ ...values, waitlistNumber })
        .onConflictDoUpdate({
          target: [eventRsvps.eventId, eventRsvps.memberId],
          set: {
            answer: values.answer,
            waitlisted: values.waitlisted,
            waitlistedAt: values.waitlistedAt,
            waitlistNumber,
            answeredAt: values.answeredAt,
          },
        })
        .returning();
      return row!;
    },

    /** The first `limit` on the waitlist, in the order they joined it. */
    async firstWaitlisted(eventId: string, limit: number): Promise<EventRsvpRow[]> {
      if (limit <= 0) return [];
      return db
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.answer, 'going'), eq(eventRsvps.waitlisted, true)))
        .orderBy(asc(eventRsvps.waitlistNumber))
        .limit(limit);
    },

    async promote(eventId: string, memberIds: string[]): Promise<void> {
      if (memberIds.length === 0) return;
      await db
        .update(eventRsvps)
        .set({ waitlisted: false, waitlistedAt: null, waitlistNumber: null })
        .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.memberId, memberIds)));
    },

    /** 1-based place on the waitlist. */
    async waitlistPosition(eventId: string, rsvp: EventRsvpRow): Promise<number> {
      const [row] = await db
        .select({ ahead: count() })
        .from(eventRsvps)
        .where(
          and(
            eq(eventRsvps.eventId, eventId),
            eq(eventRsvps.answer, 'going'),
            eq(eventRsvps.waitlisted, true),
            lt(eventRsvps.waitlistNumber, rsvp.waitlistNumber ?? 0),
          ),
        );
      return (row?.ahead ?? 0) + 1;
    },

    async listRsvps(eventId: string): Promise<RsvpWithMember[]> {
      return db
        .select({ rsvp: eventRsvps, member: memberColumns })
        .from(eventRsvps)
        .innerJoin(members, eq(members.id, eventRsvps.memberId))
        .where(eq(eventRsvps.eventId, eventId))
        .orderBy(asc(eventRsvps.answer), asc(eventRsvps.waitlisted), asc(eventRsvps.answeredAt));
    },

    /** Scheduled events for these audiences that have not ended, soonest first. */
    async listUpcoming(now: Date, options: { audiences: readonly EventAudience[]; limit: number }): Promise<EventRow[]> {
      if (options.audiences.length === 0) return [];
      return db
        .select()
        .from(events)
        .where(and(eq(events.status, 'scheduled'), gt(events.endsAt, now), inArray(events.audience, [...options.audiences])))
        .orderBy(asc(events.startsAt))
        .limit(options.limit);
    },

    /**
     * The member answering, their row share-locked until the transaction ends: an erasure (which
     * updates that row first) and an answer of the same member are taken one after the other, so an
     * erased member's answer can neither survive the erasure nor be saved after it.
     */
    async lockAnsweringMember(slackUserId: string): Promise<MemberRow | undefined> {
      const [row] = await db.select(memberColumns).from(members).where(eq(members.slackUserId, slackUserId)).for('share', { of: members });
      return row;
    },

    /** The events a member answered, in ID order (the order their rows are locked in). */
    async listEventIdsAnsweredBy(memberId: string): Promise<string[]> {
      const rows = await db
        .select({ eventId: eventRsvps.eventId })
        .from(eventRsvps)
        .where(eq(eventRsvps.memberId, memberId))
        .orderBy(asc(eventRsvps.eventId));
      return rows.map((row) => row.eventId);
    },

    /** Deletes these members' answers to an event; returns them as they were (with their reminders). */
    async deleteRsvps(eventId: string, memberIds: string[]): Promise<EventRsvpRow[]> {
      if (memberIds.length === 0) return [];
      return db
        .delete(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.memberId, memberIds)))
        .returning();
    },

    async listMyRsvps(memberId: string, eventIds: string[]): Promise<EventRsvpRow[]> {
      if (eventIds.length === 0) return [];
      return db
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.memberId, memberId), inArray(eventRsvps.eventId, eventIds)));
    },

    /** Remembers the reminder Slack holds for an answer. */
    async setReminder(eventId: string, memberId: string, reminder: { channelId: string; scheduledMessageId: string; postAt: Date }) {
      await db
        .update(eventRsvps)
        .set({ reminderChannelId: reminder.channelId, reminderScheduledMessageId: reminder.scheduledMessageId, reminderPostAt: reminder.postAt })
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.memberId, memberId)));
    },

    async clearReminder(eventId: string, memberId: string, scheduledMessageId: string) {
      await db
        .update(eventRsvps)
        .set({ reminderChannelId: null, reminderScheduledMessageId: null, reminderPostAt: null })
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.memberId, memberId), eq(eventRsvps.reminderScheduledMessageId, scheduledMessageId)));
    },

    /**
     * The meal notices (services/meal-notices.ts) of an event to these members that are waiting to
     * be sent (queued, or being sent) or were given (recorded in the audit trail when sent).
     */
    async mealNoticesOf(eventId: string, memberIds: string[]): Promise<Array<{ memberId: string; meal: string; given: boolean }>> {
      if (memberIds.length === 0) return [];
      const waiting = await db
        .select({ payload: deliveries.payload })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.kind, 'event.notice'),
            inArray(deliveries.status, ['queued', 'sending']),
            sql`${deliveries.payload}->>'eventId' = ${eventId}`,
            sql`${deliveries.payload}->>'notice' = ${MEAL_NOTICE_PAYLOAD}`,
          ),
        );
      const given = await this.mealNoticesGiven([eventId], memberIds);
      return [
        ...waiting
          .map(({ payload }) => ({ memberId: String(payload.memberId), meal: String(payload.meal), given: false }))
          .filter((notice) => memberIds.includes(notice.memberId)),
        ...given.map(({ memberId, meal }) => ({ memberId, meal, given: true })),
      ];
    },

    /** The meal notices given (sent) at these events, from the audit trail; to these members only, when named. */
    async mealNoticesGiven(eventIds: string[], memberIds?: string[]): Promise<Array<{ eventId: string; memberId: string; meal: string }>> {
      if (eventIds.length === 0 || memberIds?.length === 0) return [];
      const rows = await db
        .select({ memberId: auditEvents.subjectMemberId, details: auditEvents.details })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, MEAL_NOTICE_GIVEN),
            ...(memberIds ? [inArray(auditEvents.subjectMemberId, memberIds)] : []),
            inArray(sql<string>`${auditEvents.details}->>'eventId'`, eventIds),
          ),
        )
        .orderBy(asc(auditEvents.occurredAt));
      return rows.map((row) => ({ eventId: String(row.details.eventId), memberId: row.memberId ?? '', meal: String(row.details.meal) }));
    },

    async listWithReminders(eventId: string): Promise<EventRsvpRow[]> {
      return db
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), isNotNull(eventRsvps.reminderScheduledMessageId)));
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
