import { and, asc, count, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { organizers, slackUsers } from '../schema';

/**
 * The role counts only for a full member of the workspace: not for a guest (even one let in),
 * a deactivated account or another workspace's user, as far as Slack last told us.
 */
const heldByFullMember = sql`not exists (select 1 from ${slackUsers} where ${slackUsers.slackUserId} = ${organizers.slackUserId} and ${slackUsers.accountStanding} <> 'member')`;

/** The organizers row of `slackUserId`, if it is an active organizer's. */
const activeOrganizer = (slackUserId: string | Placeholder) =>
  and(eq(organizers.slackUserId, slackUserId), eq(organizers.active, true), heldByFullMember)!;

/** Whether `slackUserId` is an active organizer, as an expression another query can select. */
export function isActiveOrganizer(slackUserId: string | Placeholder): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${organizers} where ${activeOrganizer(slackUserId)})`;
}

export function createOrganizersRepository({ db }: { db: Db }) {
  return {
    /** Adds the configured organizers once; a later revocation is kept across restarts. */
    async seed(slackUserIds: readonly string[]): Promise<void> {
      if (slackUserIds.length === 0) return;
      await db
        .insert(organizers)
        .values(slackUserIds.map((slackUserId) => ({ slackUserId, active: true })))
        .onConflictDoNothing();
    },

    async isActive(slackUserId: string): Promise<boolean> {
      const [row] = await db
        .select({ active: organizers.active })
        .from(organizers)
        .where(activeOrganizer(slackUserId));
      return row !== undefined;
    },

    async listActive(): Promise<string[]> {
      const rows = await db
        .select({ slackUserId: organizers.slackUserId })
        .from(organizers)
        .where(and(eq(organizers.active, true), heldByFullMember))
        .orderBy(asc(organizers.slackUserId));
      return rows.map((row) => row.slackUserId);
    },

    async countActive(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(organizers).where(and(eq(organizers.active, true), heldByFullMember));
      return row?.n ?? 0;
    },

    async setActive(slackUserId: string, active: boolean, bySlackUserId: string, at: Date): Promise<void> {
      await db
        .insert(organizers)
        .values({ slackUserId, active, changedBySlackUserId: bySlackUserId, changedAt: at })
        .onConflictDoUpdate({
          target: organizers.slackUserId,
          set: { active, changedBySlackUserId: bySlackUserId, changedAt: at },
        });
    },
  };
}

export type OrganizersRepository = ReturnType<typeof createOrganizersRepository>;
