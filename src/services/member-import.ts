import { createRepositories, type Repositories } from '../db/repositories';
import { createMemberImportRepository } from '../db/repositories/member-import';
import type { MemberRow, NewMemberRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import type { Db } from '../db/client';
import { formatMemberCsv, type MemberCsvRecord, type ParsedMemberRow } from './member-csv';
import { planRow, storedValues, toMemberCsvRecord } from './member-import-plan';
import { newPseudonym } from './profile';
import { CONSENT_TEXT_VERSION } from './profile-rules';
import { searchDocumentFor } from './search-text';
import type { SlackUserRecord } from './slack-accounts';
import { effectiveStanding, type SlackStanding } from './slack-standing';

export { planRow, toMemberCsvRecord, type ImportedField, type RowPlan } from './member-import-plan';

/** Stands for the organizer at the command line in the audit trail. */
const CLI_IMPORT_ACTOR = 'cli:import';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Members newly linked to their Slack user (created or existing). */
  linked: number;
}

export interface ImportOptions {
  /** What Slack says of the user with this email, or null when the workspace has no such user. */
  lookupSlackUserByEmail?: (email: string) => Promise<SlackUserRecord | null>;
  /** Who imports, in the audit trail: the organizer's Slack user ID; the command line by default. */
  actor?: string;
  /**
   * Runs first inside the import's transaction; throwing rolls the import back. An import confirmed
   * in Slack claims its draft here, so the draft is used up exactly when the members are written.
   */
  withinTransaction?: (tx: Db) => Promise<void>;
}

/** Asks Slack, before any transaction is open, for members who are not linked yet. */
async function lookUpSlackUsers(
  deps: ServiceDeps,
  records: readonly MemberCsvRecord[],
  lookup: (email: string) => Promise<SlackUserRecord | null>,
): Promise<Map<string, SlackUserRecord>> {
  const existing = await createMemberImportRepository({ db: deps.db }).findByEmails(records.map((r) => r.email));
  const linked = new Set(existing.filter((member) => member.slackUserId).map((member) => member.email));
  const found = new Map<string, SlackUserRecord>();
  for (const { email } of records) {
    if (linked.has(email)) continue;
    const user = await lookup(email);
    if (user) found.set(email, user);
  }
  return found;
}

const AUDIENCES = ['staff', 'alumni'] as const;

function consentOf(member: MemberCsvRecord | MemberRow | undefined, audience: (typeof AUDIENCES)[number]) {
  return (audience === 'staff' ? member?.shareWithStaff : member?.shareWithAlumni) ?? null;
}

/** Writes one spreadsheet row (and its consent and audit records); says what happened to the member. */
async function applyRow(
  repos: Repositories,
  input: {
    record: MemberCsvRecord;
    existing: MemberRow | undefined;
    slack: { slackUserId: string; standing: SlackStanding } | undefined;
    actor: string;
    now: Date;
  },
): Promise<'created' | 'updated' | 'unchanged'> {
  const { record, existing, slack, actor, now } = input;
  const slackUserId = slack?.slackUserId;
  const { kind, fields, record: resolved } = planRow(existing, record);
  // Linking to Slack alone is an update.
  if (kind === 'unchanged' && !slackUserId) return 'unchanged';

  const consentChanges = AUDIENCES.filter((audience) => consentOf(existing, audience) !== consentOf(record, audience));
  const changed = storedValues(resolved, fields);
  const values: Partial<NewMemberRow> = {
    ...changed,
    searchDocument: searchDocumentFor({ ...existing, ...changed }),
    ...(slack ? { slackUserId: slack.slackUserId, slackStanding: slack.standing } : {}),
    ...(consentChanges.length > 0 ? { consentTextVersion: CONSENT_TEXT_VERSION, consentRecordedAt: now } : {}),
  };
  const member = existing
    ? await repos.members.update(existing.id, values)
    : await repos.members.insert({
        ...values,
        email: record.email,
        memberType: record.memberType,
        pseudonym: newPseudonym(),
        status: 'active',
        profileConfirmedAt: now,
        createdAt: now,
        updatedAt: now,
      });

  for (const audience of consentChanges) {
    // A cleared answer hides the member again, so it is recorded as not granted.
    await repos.members.recordConsent({
      memberId: member.id,
      audience,
      granted: consentOf(record, audience) === true,
      textVersion: CONSENT_TEXT_VERSION,
      recordedAt: now,
    });
  }
  await repos.audit.record({
    actor,
    action: existing ? 'member.import_updated' : 'member.imported',
    subjectMemberId: member.id,
    details: existing ? { fields: slackUserId ? [...fields, 'slackUserId'] : fields } : { status: member.status },
    occurredAt: now,
  });
  return existing ? 'updated' : 'created';
}

/**
 * Creates or updates members from the spreadsheet in one transaction, matched by email. New members
 * are active; an existing member keeps their status and is written only where a field differs, so
 * importing the same file again changes nothing. Slack is asked before the transaction opens.
 */
export async function importMembers(
  deps: ServiceDeps,
  rows: readonly ParsedMemberRow[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const slackUsers = options.lookupSlackUserByEmail
    ? await lookUpSlackUsers(deps, rows, options.lookupSlackUserByEmail)
    : new Map<string, SlackUserRecord>();
  const now = deps.clock();

  return deps.db.transaction(async (tx) => {
    await options.withinTransaction?.(tx);
    const repos = createRepositories(tx);
    const importRepo = createMemberImportRepository({ db: tx });
    const existingByEmail = new Map(
      (await importRepo.findByEmails(rows.map((r) => r.email))).map((member) => [member.email!, member]),
    );
    const heldSlackUserIds = await importRepo.findHeldSlackUserIds([...slackUsers.values()].map((user) => user.slackUserId));
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, linked: 0 };

    for (const record of rows) {
      const existing = existingByEmail.get(record.email);
      // Another member may hold the Slack user already, or may have been linked since the lookup.
      const candidate = existing?.slackUserId ? undefined : slackUsers.get(record.email);
      const user = candidate && !heldSlackUserIds.has(candidate.slackUserId) ? candidate : undefined;
      let slack: { slackUserId: string; standing: SlackStanding } | undefined;
      if (user) {
        heldSlackUserIds.add(user.slackUserId);
        summary.linked++;
        // What Slack said is kept as a lookup would keep it; a guest, deactivated or external
        // account is linked but found by nobody (see visibleTo).
        await repos.slackUsers.save(user, now);
        const { guestAllowed } = await repos.slackUsers.find(user.slackUserId);
        slack = { slackUserId: user.slackUserId, standing: effectiveStanding(user.accountStanding, guestAllowed) };
      }
      summary[await applyRow(repos, { record, existing, slack, actor: options.actor ?? CLI_IMPORT_ACTOR, now })]++;
    }
    return summary;
  });
}

/**
 * All non-erased members in the import's format, ordered by email. Members without an email are
 * left out (and counted), because the import matches members by email.
 */
export async function exportMembers(deps: ServiceDeps): Promise<{ csv: string; exported: number; withoutEmail: number }> {
  const members = await createMemberImportRepository({ db: deps.db }).listForExport();
  const records = members.map(toMemberCsvRecord).filter((record) => record !== null);
  return { csv: formatMemberCsv(records), exported: records.length, withoutEmail: members.length - records.length };
}
