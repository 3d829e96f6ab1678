import type { MemberRow } from '../db/schema';
import type { Messages } from '../i18n';
import { listEntries, OFFICIAL_RELATIONS } from '../services/ethics';
import { escapeMrkdwnWithin } from '../slack/mrkdwn';

/** The relations an alumnus's employer declared with the ministry, named in the reader's language (unknown values left out). */
export function coiRelationLabels(t: Messages, relations: readonly string[]): string[] {
  return OFFICIAL_RELATIONS.filter((relation) => relations.includes(relation)).map((relation) => t.declarations.relations[relation]);
}

/**
 * An alumnus's conflict-of-interest disclosure on one line, as mrkdwn: the employer's relations
 * with the ministry, with which divisions, then the free text. User text is escaped within
 * `budget` characters in all.
 */
export function coiDisclosureText(
  t: Messages,
  member: Pick<MemberRow, 'coiRelations' | 'coiDivisions' | 'coiDescription'>,
  budget: number,
): string {
  const d = t.declarations.card;
  const relations = coiRelationLabels(t, member.coiRelations);
  const parts: string[] = [];
  if (relations.length > 0) parts.push(`${d.coiRelations}: ${relations.join(t.common.listSeparator)}`);
  const textBudget = Math.max(40, budget - parts.join('').length);
  if (member.coiDivisions) {
    parts.push(`${d.coiDivisions}: ${escapeMrkdwnWithin(listEntries(member.coiDivisions).join(t.common.listSeparator), Math.floor(textBudget / 3))}`);
  }
  if (member.coiDescription) parts.push(escapeMrkdwnWithin(member.coiDescription, Math.floor((textBudget * 2) / 3)));
  return parts.join(' · ');
}
