import { asc, eq, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once';
import type { Db } from '../client';
import { allowedGuests, slackUsers, type SlackUserRow } from '../schema';

export type SlackUserRecord = Omit<SlackUserRow, 'fetchedAt'>;

export function createSlackUsersRepository({ db }: { db: Db }) {
  return {
    /** What Slack last said about the user, with whether organizers let the account in as a guest. */
    async find(slackUserId: string): Promise<{ user: SlackUserRow | undefined; guestAllowed: boolean }> {
      // One query for a known user, as this runs for every request; a guest may be allowed in
      // before Slack was first asked about them, so without a row the allowance is looked up alone.
      const known = builtOnce(db, 'slackUsers.find', () =>
        db
          .select({
            user: slackUsers,
            guestAllowed: sql<boolean>`exists (select 1 from ${allowedGuests} where ${allowedGuests.slackUserId} = ${slackUsers.slackUserId})`,
          })
          .from(slackUsers)
          .where(eq(slackUsers.slackUserId, sql.placeholder('slackUserId')))
          .prepare('find_slack_user'),
      );
      const [row] = await known.execute({ slackUserId });
      if (row) return row;
      const [allowed] = await db
        .select({ slackUserId: allowedGuests.slackUserId })
        .from(allowedGuests)
        .where(eq(allowedGuests.slackUserId, slackUserId));
      return { user: undefined, guestAllowed: allowed !== undefined };
    },

    /** Stores what Slack said; an event carries no locale, so a missing one keeps the last known. */
    async save(record: SlackUserRecord, fetchedAt: Date): Promise<void> {
      await db
        .insert(slackUsers)
        .values({ ...record, fetchedAt })
        .onConflictDoUpdate({
          target: slackUsers.slackUserId,
          set: {
            accountStanding: record.accountStanding,
            email: record.email,
            realName: record.realName,
            slackLocale: sql`coalesce(excluded.slack_locale, ${slackUsers.slackLocale})`,
            tz: sql`coalesce(excluded.tz, ${slackUsers.tz})`,
            fetchedAt,
          },
        });
    },

    /** Erasure: nothing Slack said about the person is kept. */
    async forget(slackUserId: string): Promise<void> {
      await db.delete(slackUsers).where(eq(slackUsers.slackUserId, slackUserId));
    },

    async listAllowedGuests(): Promise<{ slackUserId: string; allowedBySlackUserId: string; allowedAt: Date }[]> {
      return db.select().from(allowedGuests).orderBy(asc(allowedGuests.allowedAt));
    },

    /** True when the account was not listed before. */
    async allowGuest(slackUserId: string, bySlackUserId: string, at: Date): Promise<boolean> {
      const rows = await db
        .insert(allowedGuests)
        .values({ slackUserId, allowedBySlackUserId: bySlackUserId, allowedAt: at })
        .onConflictDoNothing()
        .returning({ slackUserId: allowedGuests.slackUserId });
      return rows.length > 0;
    },

    /** True when the account was listed. */
    async disallowGuest(slackUserId: string): Promise<boolean> {
      const rows = await db
        .delete(allowedGuests)
        .where(eq(allowedGuests.slackUserId, slackUserId))
        .returning({ slackUserId: allowedGuests.slackUserId });
      return rows.length > 0;
    },
  };
}

export type SlackUsersRepository = ReturnType<typeof createSlackUsersRepository>;
