import { and, asc, count, eq, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { builtOnce } from '../built-once';
import type { Db } from '../client';
import { isActiveOrganizer } from './organizers';
import {
  consentEvents,
  deliveries,
  memberColumns,
  members,
  reachableAccount,
  type ConsentEventRow,
  type MemberRow,
  type NewMemberRow,
} from '../schema';
import type { SlackStanding } from '../../services/slack-standing';
import { CONSENT_FOR, SHOWN_MEMBER_TYPES } from '../../services/visibility';

/** Who is looking: decides which profiles a query may return. */
export type Audience = 'organizer' | 'staff' | 'alumni' | 'none';

/**
 * The one visibility rule. Consent is opt-in: `IS TRUE` treats a never-answered (null) consent as
 * no. Only alumni and returnees whose Slack account may take part are shown to other members;
 * organizers see every non-erased row.
 */
export function visibleTo(audience: Audience): SQL {
  // The member types and consents come from src/services/visibility.ts, which the save feedback reads too.
  const sharedAlumni = and(
    eq(members.status, 'active'),
    inArray(members.memberType, [...SHOWN_MEMBER_TYPES]),
    reachableAccount(members.slackStanding),
  );
  switch (audience) {
    case 'organizer':
      return ne(members.status, 'erased');
    case 'staff':
    case 'alumni':
      return and(sharedAlumni, sql`${members[CONSENT_FOR[audience]]} is true`)!;
    case 'none':
      return sql`false`;
  }
}

export function createMembersRepository({ db }: { db: Db }) {
  return {
    async findById(id: string): Promise<MemberRow | undefined> {
      const [row] = await db.select(memberColumns).from(members).where(eq(members.id, id));
      return row;
    },

    /** The member's row, locked until the transaction ends: two erasures at once erase once. */
    async lockForErasure(by: { id: string } | { slackUserId: string }): Promise<MemberRow | undefined> {
      const where = 'id' in by ? eq(members.id, by.id) : eq(members.slackUserId, by.slackUserId);
      const [row] = await db.select(memberColumns).from(members).where(where).for('update');
      return row;
    },

    async findBySlackUserId(slackUserId: string): Promise<MemberRow | undefined> {
      const [row] = await db.select(memberColumns).from(members).where(eq(members.slackUserId, slackUserId));
      return row;
    },

    /**
     * A user's profile, if any, and whether they are an active organizer: in one query, as it
     * runs for every search and most clicks.
     */
    async findWithRole(slackUserId: string): Promise<{ member: MemberRow | undefined; isOrganizer: boolean }> {
      const query = builtOnce(db, 'findWithRole', () => {
        const user = sql.placeholder('slackUserId');
        return db
          .select({ member: memberColumns, isOrganizer: isActiveOrganizer(user) })
          .from(sql`(select 1) as viewer`)
          .leftJoin(members, eq(members.slackUserId, user))
          .prepare('find_with_role');
      });
      const [row] = await query.execute({ slackUserId });
      return { member: row?.member ?? undefined, isOrganizer: Boolean(row?.isOrganizer) };
    },

    async findByEmail(email: string): Promise<MemberRow | undefined> {
      const [row] = await db.select(memberColumns).from(members).where(eq(members.email, email.toLowerCase()));
      return row;
    },

    /** The member with this Slack user, if `audience` may see them. */
    async findVisibleBySlackUserId(audience: Audience, slackUserId: string): Promise<MemberRow | undefined> {
      const [row] = await db
        .select(memberColumns)
        .from(members)
        .where(and(eq(members.slackUserId, slackUserId), visibleTo(audience)));
      return row;
    },

    /** The member with this ID, if `audience` may see them. */
    async findVisibleById(audience: Audience, id: string): Promise<MemberRow | undefined> {
      const [row] = await db.select(memberColumns).from(members).where(and(eq(members.id, id), visibleTo(audience)));
      return row;
    },

    async insert(values: NewMemberRow): Promise<MemberRow> {
      const [row] = await db.insert(members).values(values).returning(memberColumns);
      return row!;
    },

    async update(id: string, values: Partial<NewMemberRow>): Promise<MemberRow> {
      const [row] = await db
        .update(members)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(members.id, id))
        .returning(memberColumns);
      return row!;
    },

    /**
     * Clears "unavailable until" (set when declining); undefined when it was not set, so of two
     * clicks at once only one changes anything.
     */
    async clearUnavailableUntil(id: string, at: Date): Promise<MemberRow | undefined> {
      const [row] = await db
        .update(members)
        .set({ unavailableUntil: null, updatedAt: at })
        .where(and(eq(members.id, id), isNotNull(members.unavailableUntil)))
        .returning(memberColumns);
      return row;
    },

    /** Decides a pending registration; undefined when it was not pending (decided already). */
    async decidePending(
      id: string,
      decision: { status: 'active' | 'declined'; bySlackUserId: string; at: Date },
    ): Promise<MemberRow | undefined> {
      const [row] = await db
        .update(members)
        .set({
          status: decision.status,
          decidedBySlackUserId: decision.bySlackUserId,
          decidedAt: decision.at,
          updatedAt: decision.at,
        })
        .where(and(eq(members.id, id), eq(members.status, 'pending')))
        .returning(memberColumns);
      return row;
    },

    async listPending(limit: number): Promise<{ rows: MemberRow[]; total: number }> {
      const rows = await db
        .select(memberColumns)
        .from(members)
        .where(eq(members.status, 'pending'))
        .orderBy(asc(members.createdAt))
        .limit(limit);
      const [total] = await db.select({ n: count() }).from(members).where(eq(members.status, 'pending'));
      return { rows, total: total?.n ?? 0 };
    },

    /** Active members not linked to a Slack user (imported, never seen): nobody can reach them. */
    async listUnlinked(limit: number): Promise<{ rows: MemberRow[]; total: number }> {
      const unlinked = and(eq(members.status, 'active'), isNull(members.slackUserId));
      const [rows, [total]] = await Promise.all([
        db.select(memberColumns).from(members).where(unlinked).orderBy(asc(members.name)).limit(limit),
        db.select({ n: count() }).from(members).where(unlinked),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async listAll(): Promise<MemberRow[]> {
      return db.select(memberColumns).from(members).where(ne(members.status, 'erased')).orderBy(asc(members.createdAt));
    },

    /**
     * Claims members whose profile was last confirmed before `cutoff` and who were not reminded since.
     * The claim is one UPDATE with SKIP LOCKED, so concurrent instances never claim the same member.
     */
    async claimStaleReminders(cutoff: Date, now: Date, limit: number): Promise<MemberRow[]> {
      const candidates = db
        .select({ id: members.id })
        .from(members)
        .where(
          and(
            eq(members.status, 'active'),
            isNotNull(members.slackUserId),
            lt(members.profileConfirmedAt, cutoff),
            or(isNull(members.staleReminderSentAt), lt(members.staleReminderSentAt, members.profileConfirmedAt)),
          ),
        )
        .orderBy(asc(members.profileConfirmedAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(members)
        .set({ staleReminderSentAt: now })
        .where(inArray(members.id, candidates))
        .returning(memberColumns);
    },

    /**
     * Locks (SKIP LOCKED) active staff on Slack whose ethics declarations were last confirmed
     * before `cutoff`, or never, and who have no `reminderKind` delivery recorded since that
     * confirmation: each is asked once per confirmation. Call within a transaction that records
     * the reminders; concurrent sweeps skip each other's rows, and the delivery key dedupes the rest.
     */
    async lockDueDeclarationReminders(cutoff: Date, reminderKind: string, limit: number): Promise<MemberRow[]> {
      return db
        .select(memberColumns)
        .from(members)
        .where(
          and(
            eq(members.status, 'active'),
            inArray(members.memberType, ['staff', 'returnee']),
            isNotNull(members.slackUserId),
            reachableAccount(members.slackStanding),
            or(isNull(members.declarationsConfirmedAt), lt(members.declarationsConfirmedAt, cutoff)),
            sql`not exists (select 1 from ${deliveries} where ${deliveries.kind} = ${reminderKind} and ${deliveries.payload}->>'memberId' = ${members.id}::text and ${deliveries.createdAt} > coalesce(${members.declarationsConfirmedAt}, '-infinity'::timestamptz))`,
          ),
        )
        .orderBy(sql`${members.declarationsConfirmedAt} asc nulls first`, asc(members.id))
        .limit(limit)
        .for('update', { skipLocked: true });
    },

    /** Mirrors the linked Slack account's standing; returns the member when it changed. */
    async recordSlackStanding(slackUserId: string, standing: SlackStanding): Promise<MemberRow | undefined> {
      const [row] = await db
        .update(members)
        .set({ slackStanding: standing })
        .where(and(eq(members.slackUserId, slackUserId), sql`${members.slackStanding} is distinct from ${standing}`))
        .returning(memberColumns);
      return row;
    },

    async recordConsent(event: Omit<ConsentEventRow, 'id' | 'recordedAt'> & { recordedAt: Date }): Promise<void> {
      await db.insert(consentEvents).values(event);
    },

    async listConsentEvents(memberId: string): Promise<ConsentEventRow[]> {
      return db
        .select()
        .from(consentEvents)
        .where(eq(consentEvents.memberId, memberId))
        .orderBy(asc(consentEvents.recordedAt));
    },
  };
}

export type MembersRepository = ReturnType<typeof createMembersRepository>;

/**
 * Links an imported member (known by email, no Slack user yet) to the Slack user with that email,
 * unless that Slack user already has a profile. One statement, so concurrent requests agree.
 */
export async function linkImportedMember(db: Db, slackUserId: string, email: string, standing: SlackStanding): Promise<void> {
  await db
    .update(members)
    .set({ slackUserId, slackStanding: standing, updatedAt: sql`now()` })
    .where(
      and(
        eq(members.email, email.toLowerCase()),
        isNull(members.slackUserId),
        ne(members.status, 'erased'),
        sql`not exists (select 1 from ${members} as linked where linked.slack_user_id = ${slackUserId})`,
      ),
    );
}
