import { getTableColumns, sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, customType, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { slackStandingEnum } from './slack-users';

/** Drizzle has no tsvector type; the value is a tsvector literal built by src/services/search-text.ts. */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

export const memberTypeEnum = pgEnum('member_type', ['alumni', 'staff', 'returnee']);
export const memberStatusEnum = pgEnum('member_status', ['pending', 'active', 'declined', 'erased']);
export const consentAudienceEnum = pgEnum('consent_audience', ['staff', 'alumni']);

/**
 * A member whose Slack account may take part (or who is not linked to Slack yet: imported members
 * are found before their first interaction). Written out, not parameterised, so that the partial
 * search indexes below and `visibleTo` in src/db/repositories/members.ts read the same words.
 */
export function reachableAccount(column: AnyPgColumn) {
  return sql`(${column} is null or ${column} in ('member', 'allowed_guest'))`;
}

export const members = pgTable(
  'members',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stands for the member in the audit trail once their personal data is erased. */
    pseudonym: text().notNull().unique(),
    slackUserId: text().unique(),
    /**
     * The linked Slack account's standing as last known (null: not linked or not yet seen). A
     * member whose account is deactivated, a guest not allowed in, or external is found by nobody.
     */
    slackStanding: slackStandingEnum(),
    email: text().unique(),
    name: text(),
    locale: text(),
    memberType: memberTypeEnum().notNull(),
    status: memberStatusEnum().notNull(),
    yearJoined: integer(),
    yearLeft: integer(),
    formerDivisions: text(),
    organisation: text(),
    title: text(),
    sector: text(),
    topics: text().array().notNull().default(sql`'{}'::text[]`),
    helpText: text(),
    helpKinds: text().array().notNull().default(sql`'{}'::text[]`),
    monthlyCapacity: integer().notNull().default(0),
    /** Set when declining a request ("unavailable until …"): left out of results until that date. */
    unavailableUntil: date({ mode: 'string' }),
    /** null = never answered, which shows the profile to nobody but organizers. */
    shareWithStaff: boolean(),
    shareWithAlumni: boolean(),
    consentTextVersion: text(),
    consentRecordedAt: timestamp({ withTimezone: true }),
    coiDeclared: boolean(),
    coiDescription: text(),
    /**
     * Alumni: the relations their employer has with the ministry (OFFICIAL_RELATIONS in
     * src/services/ethics.ts: contract, subsidy, permit, regulatory, bid) and with which divisions
     * (free text, one per line), besides the free-text disclosure.
     */
    coiRelations: text().array().notNull().default(sql`'{}'::text[]`),
    coiDivisions: text(),
    /** Alumni: the month (1–12) of `yearLeft`; null when only the year is known (older records). */
    monthLeft: integer(),
    /** Staff: the division they work in now. */
    currentDivision: text(),
    /** Staff: the matters their post handles (OFFICIAL_DUTIES: permits, subsidies, procurement, inspection). */
    officialDuties: text().array().notNull().default(sql`'{}'::text[]`),
    /** Staff: the sectors (taxonomy keys) and the organisations (free text, one per line) those matters concern. */
    dutySectors: text().array().notNull().default(sql`'{}'::text[]`),
    dutyOrganisations: text(),
    /** Staff: whom they would notify (their ethics supervisor, 倫理監督官 or its delegate), if they said. */
    ethicsSupervisorSlackUserId: text(),
    /** When the declarations above were last confirmed (staff confirm them yearly). */
    declarationsConfirmedAt: timestamp({ withTimezone: true }),
    codeOfConductVersion: text(),
    codeOfConductAcceptedAt: timestamp({ withTimezone: true }),
    referredBySlackUserId: text(),
    /** Organizers only: never shown to staff who search. */
    interestedInReturning: boolean().notNull().default(false),
    profileConfirmedAt: timestamp({ withTimezone: true }),
    staleReminderSentAt: timestamp({ withTimezone: true }),
    decidedBySlackUserId: text(),
    decidedAt: timestamp({ withTimezone: true }),
    /**
     * What the organizer who declined the registration told the applicant, if anything: kept here
     * alone (the audit trail notes only that a reason was given), cleared on erasure and when the
     * applicant submits again.
     */
    declineReason: text(),
    approvalChannelId: text(),
    approvalMessageTs: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp({ withTimezone: true }),
    /** What /find-expert matches: the profile's tokens, written with every change to the profile. */
    searchDocument: tsvector().notNull().default(sql`''::tsvector`),
  },
  (table) => {
    const reachable = reachableAccount(table.slackStanding);
    // Who /find-expert may return to staff or to alumni: `searchableBy` in
    // src/db/repositories/search.ts, which must keep implying these for the indexes to be used.
    const searchableBy = (consent: typeof table.shareWithStaff) =>
      sql`${table.status} = 'active' and ${table.memberType} in ('alumni', 'returnee') and ${consent} is true and ${table.monthlyCapacity} > 0 and ${reachable}`;
    // A function: `.desc()` marks the column until the next `.on()` takes it.
    const recentFirst = () =>
      [
        table.profileConfirmedAt.desc().nullsLast(),
        table.id,
        table.topics,
        table.unavailableUntil,
        table.slackUserId,
      ] as const;
    return [
      index('members_status_idx').on(table.status),
      index('members_profile_confirmed_at_idx').on(table.profileConfirmedAt),
      // A topic's window in order (most recently confirmed first), read until it is full from the
      // index alone: it holds every column the scan tests (the last three only for that).
      index('members_staff_search_recent_idx')
        .on(...recentFirst())
        .where(searchableBy(table.shareWithStaff)),
      index('members_alumni_search_recent_idx')
        .on(...recentFirst())
        .where(searchableBy(table.shareWithAlumni)),
      // Topic chosen and words matched in one index scan, over the searchable members only.
      index('members_staff_search_idx')
        .using('gin', table.topics, table.searchDocument)
        .where(searchableBy(table.shareWithStaff)),
      index('members_alumni_search_idx')
        .using('gin', table.topics, table.searchDocument)
        .where(searchableBy(table.shareWithAlumni)),
    ];
  },
);

/** Every consent answer, so the network can show when and to which text a member agreed. */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    audience: consentAudienceEnum().notNull(),
    granted: boolean().notNull(),
    textVersion: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('consent_events_member_id_idx').on(table.memberId)],
);

/**
 * A member as services and Slack see them. The search document is derived from the profile and
 * read only by search, so it is left out of the type (rows read with `select()` still carry it).
 */
/**
 * Every column but the search document (kilobytes of tokens, only for the index): what queries
 * select and return, so a member row never carries it.
 */
const { searchDocument: _searchDocument, ...memberColumnsWithoutDocument } = getTableColumns(members);
export const memberColumns = memberColumnsWithoutDocument;

export type MemberRow = Omit<typeof members.$inferSelect, 'searchDocument'>;
export type NewMemberRow = typeof members.$inferInsert;
export type ConsentEventRow = typeof consentEvents.$inferSelect;
