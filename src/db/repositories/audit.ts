import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents, type AuditEventRow } from '../schema';

export function createAuditRepository({ db }: { db: Db }) {
  return {
    async record(event: {
      actor: string | null;
      action: string;
      subjectMemberId?: string | null;
      details?: Record<string, unknown>;
      occurredAt: Date;
    }): Promise<void> {
      await db.insert(auditEvents).values({
        actor: event.actor,
        action: event.action,
        subjectMemberId: event.subjectMemberId ?? null,
        details: event.details ?? {},
        occurredAt: event.occurredAt,
      });
    },

    async listForMember(memberId: string): Promise<AuditEventRow[]> {
      return db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectMemberId, memberId))
        .orderBy(asc(auditEvents.occurredAt));
    },

    /** Erasure: the member's Slack ID no longer names them as an actor; their pseudonym does. */
    async pseudonymiseActor(slackUserId: string, pseudonym: string): Promise<void> {
      await db.update(auditEvents).set({ actor: pseudonym }).where(eq(auditEvents.actor, slackUserId));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
