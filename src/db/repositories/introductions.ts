import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  introductionRequests,
  introductionVolunteers,
  memberColumns,
  members,
  type IntroductionRow,
  type MemberRow,
  type NewIntroductionRow,
} from '../schema';

/** A request as the App Home lists it: with the other person's display name. */
export interface IntroductionListItem {
  request: IntroductionRow;
  /** The alumnus (for requests I made) or the requester (for requests to me). */
  otherName: string | null;
}

/** Postgres' unique_violation, which a second "send" of the same ask runs into. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function createIntroductionsRepository({ db }: { db: Db }) {
  return {
    async insert(values: NewIntroductionRow): Promise<IntroductionRow> {
      const [row] = await db.insert(introductionRequests).values(values).returning();
      return row!;
    },

    async findById(id: string): Promise<IntroductionRow | undefined> {
      const [row] = await db.select().from(introductionRequests).where(eq(introductionRequests.id, id));
      return row;
    },

    async findBySubmissionKey(submissionKey: string): Promise<IntroductionRow | undefined> {
      const [row] = await db.select().from(introductionRequests).where(eq(introductionRequests.submissionKey, submissionKey));
      return row;
    },

    /** The unanswered ask from this requester to this alumnus, if any. */
    async findPending(requesterSlackUserId: string, alumnusMemberId: string): Promise<IntroductionRow | undefined> {
      const [row] = await db
        .select()
        .from(introductionRequests)
        .where(
          and(
            eq(introductionRequests.requesterSlackUserId, requesterSlackUserId),
            eq(introductionRequests.alumnusMemberId, alumnusMemberId),
            eq(introductionRequests.status, 'pending'),
          ),
        );
      return row;
    },

    /**
     * Answers a direct ask, once: only while pending and only by the alumnus it was addressed to,
     * so a second click or a forged request ID changes nothing.
     */
    async answer(
      id: string,
      alumnusMemberId: string,
      answer: { status: 'accepted' | 'declined'; at: Date; declineReason?: string | null },
    ): Promise<IntroductionRow | undefined> {
      const [row] = await db
        .update(introductionRequests)
        .set({ status: answer.status, answeredAt: answer.at, declineReason: answer.declineReason ?? null })
        .where(
          and(
            eq(introductionRequests.id, id),
            eq(introductionRequests.kind, 'direct'),
            eq(introductionRequests.status, 'pending'),
            eq(introductionRequests.alumnusMemberId, alumnusMemberId),
          ),
        )
        .returning();
      return row;
    },

    /** The requester picks a volunteer of their open request: the introduction is made, once. */
    async pickVolunteer(id: string, requesterSlackUserId: string, memberId: string, at: Date): Promise<IntroductionRow | undefined> {
      const [row] = await db
        .update(introductionRequests)
        .set({ status: 'accepted', alumnusMemberId: memberId, answeredAt: at })
        .where(
          and(
            eq(introductionRequests.id, id),
            eq(introductionRequests.kind, 'open'),
            eq(introductionRequests.status, 'open'),
            eq(introductionRequests.requesterSlackUserId, requesterSlackUserId),
            sql`exists (select 1 from ${introductionVolunteers} where ${introductionVolunteers.requestId} = ${id} and ${introductionVolunteers.memberId} = ${memberId})`,
          ),
        )
        .returning();
      return row;
    },

    /**
     * Closes what is still waiting on an account that stopped taking part: asks addressed to the
     * member, and asks and open requests the user made.
     */
    async closeInvolving(who: { slackUserId: string; memberId: string | undefined }, at: Date): Promise<IntroductionRow[]> {
      const addressedToMember = who.memberId
        ? and(eq(introductionRequests.alumnusMemberId, who.memberId), eq(introductionRequests.status, 'pending'))
        : undefined;
      const madeByUser = and(
        eq(introductionRequests.requesterSlackUserId, who.slackUserId),
        inArray(introductionRequests.status, ['pending', 'open']),
      );
      return db
        .update(introductionRequests)
        .set({ status: 'closed', answeredAt: at })
        .where(addressedToMember ? or(addressedToMember, madeByUser) : madeByUser)
        .returning();
    },

    /** An ask that could not be delivered is closed (if still waiting). */
    async closeUndelivered(id: string, at: Date): Promise<void> {
      await db
        .update(introductionRequests)
        .set({ status: 'closed', answeredAt: at })
        .where(and(eq(introductionRequests.id, id), eq(introductionRequests.status, 'pending')));
    },

    async update(id: string, values: Partial<NewIntroductionRow>): Promise<void> {
      await db.update(introductionRequests).set(values).where(eq(introductionRequests.id, id));
    },

    /** Records a volunteer; false when they had volunteered already. */
    async addVolunteer(requestId: string, memberId: string, at: Date): Promise<boolean> {
      const rows = await db
        .insert(introductionVolunteers)
        .values({ requestId, memberId, volunteeredAt: at })
        .onConflictDoNothing()
        .returning({ memberId: introductionVolunteers.memberId });
      return rows.length > 0;
    },

    async listVolunteers(requestId: string): Promise<MemberRow[]> {
      return db
        .select(memberColumns)
        .from(introductionVolunteers)
        .innerJoin(members, eq(members.id, introductionVolunteers.memberId))
        .where(eq(introductionVolunteers.requestId, requestId))
        .orderBy(asc(introductionVolunteers.volunteeredAt));
    },

    /** Alumni this requester already asked about this topic: "the next match" skips them. */
    async askedForTopic(requesterSlackUserId: string, topic: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: introductionRequests.alumnusMemberId })
        .from(introductionRequests)
        .where(
          and(
            eq(introductionRequests.requesterSlackUserId, requesterSlackUserId),
            eq(introductionRequests.topic, topic),
            sql`${introductionRequests.alumnusMemberId} is not null`,
          ),
        );
      return rows.map((row) => row.id!);
    },

    /**
     * Claims unanswered asks older than `createdBefore` whose alumnus was not reminded yet and whose
     * date has not passed. One UPDATE with SKIP LOCKED: concurrent instances never claim the same one.
     */
    async claimReminders(createdBefore: Date, today: string, now: Date, limit: number): Promise<IntroductionRow[]> {
      const due = db
        .select({ id: introductionRequests.id })
        .from(introductionRequests)
        .where(
          and(
            eq(introductionRequests.status, 'pending'),
            isNull(introductionRequests.reminderSentAt),
            lte(introductionRequests.createdAt, createdBefore),
            gte(introductionRequests.dueDate, today),
          ),
        )
        .orderBy(asc(introductionRequests.createdAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(introductionRequests)
        .set({ reminderSentAt: now })
        .where(inArray(introductionRequests.id, due))
        .returning();
    },

    async releaseReminder(id: string): Promise<void> {
      await db.update(introductionRequests).set({ reminderSentAt: null }).where(eq(introductionRequests.id, id));
    },

    /** Requests nobody answered by their date become expired (idempotent). */
    async expireOverdue(today: string, now: Date): Promise<IntroductionRow[]> {
      return db
        .update(introductionRequests)
        .set({ status: 'expired', answeredAt: now })
        .where(and(or(eq(introductionRequests.status, 'pending'), eq(introductionRequests.status, 'open')), lt(introductionRequests.dueDate, today)))
        .returning();
    },

    /** Claims expired requests whose requester was not told yet, as claimReminders does. */
    async claimExpiryNotices(now: Date, limit: number): Promise<IntroductionRow[]> {
      const due = db
        .select({ id: introductionRequests.id })
        .from(introductionRequests)
        .where(and(eq(introductionRequests.status, 'expired'), isNull(introductionRequests.expiryNoticeSentAt)))
        .orderBy(asc(introductionRequests.dueDate))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(introductionRequests)
        .set({ expiryNoticeSentAt: now })
        .where(inArray(introductionRequests.id, due))
        .returning();
    },

    async releaseExpiryNotice(id: string): Promise<void> {
      await db.update(introductionRequests).set({ expiryNoticeSentAt: null }).where(eq(introductionRequests.id, id));
    },

    async listMadeBy(requesterSlackUserId: string, limit: number): Promise<IntroductionListItem[]> {
      const rows = await db
        .select({ request: introductionRequests, otherName: sql<string | null>`coalesce(${members.name}, ${members.pseudonym})` })
        .from(introductionRequests)
        .leftJoin(members, eq(members.id, introductionRequests.alumnusMemberId))
        .where(eq(introductionRequests.requesterSlackUserId, requesterSlackUserId))
        .orderBy(desc(introductionRequests.createdAt))
        .limit(limit);
      return rows;
    },

    async listAddressedTo(alumnusMemberId: string, limit: number): Promise<IntroductionListItem[]> {
      const rows = await db
        .select({ request: introductionRequests, otherName: introductionRequests.requesterName })
        .from(introductionRequests)
        .where(eq(introductionRequests.alumnusMemberId, alumnusMemberId))
        .orderBy(desc(introductionRequests.createdAt))
        .limit(limit);
      return rows;
    },

    /**
     * Erasure: the requester is named by their pseudonym only, and the ethics supervisor they chose
     * (whose Slack ID would point back at them) is cleared; `ethics_supervisor_notified_at` keeps
     * the fact that the supervisor was told.
     */
    async pseudonymiseRequester(slackUserId: string, pseudonym: string): Promise<void> {
      await db
        .update(introductionRequests)
        .set({
          requesterSlackUserId: pseudonym,
          requesterName: null,
          requesterDivision: null,
          ethicsMatch: null,
          ethicsSupervisorSlackUserId: null,
        })
        .where(eq(introductionRequests.requesterSlackUserId, slackUserId));
    },

    /** The supervisor's DM was delivered at `at`; a second delivery of the same notice keeps the first time. */
    async markSupervisorNotified(id: string, at: Date): Promise<void> {
      await db
        .update(introductionRequests)
        .set({ ethicsSupervisorNotifiedAt: at })
        .where(and(eq(introductionRequests.id, id), isNull(introductionRequests.ethicsSupervisorNotifiedAt)));
    },

    /**
     * Erasure: an alumnus's own words (decline reasons, the disclosure requesters saw) go with their
     * data, and so does what an ethics check matched (their employer, their former division); which
     * notices were shown and when they were acknowledged stay on the record.
     */
    async eraseAlumnusWords(memberId: string): Promise<void> {
      await db
        .update(introductionRequests)
        .set({ declineReason: null, coiDisclosure: null, ethicsMatch: null })
        .where(eq(introductionRequests.alumnusMemberId, memberId));
    },
  };
}

export type IntroductionsRepository = ReturnType<typeof createIntroductionsRepository>;
