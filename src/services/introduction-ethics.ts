import { createRepositories } from '../db/repositories';
import type { MemberRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import type { Actor } from './identity';
import { checkIntroduction, type AlumnusDeclaration, type EthicsCheck, type EthicsNotice, type EthicsSettings, type StaffDeclaration } from './ethics';
import { supervisorProblem } from './ethics-supervisor';
import { isUuid } from './uuid';

/** The ethics settings an introduction's check needs (deps.config.ethics). */
export type IntroductionEthicsSettings = Pick<EthicsSettings, 'postRetirementYears'>;

/** What the requester declared of their post, and the division typed on the form (both are checked). */
function staffDeclaration(member: MemberRow | undefined, division: string | null): StaffDeclaration {
  return {
    currentDivision: member?.currentDivision ?? null,
    requestDivision: division,
    officialDuties: member?.officialDuties ?? [],
    dutySectors: member?.dutySectors ?? [],
    dutyOrganisations: member?.dutyOrganisations ?? null,
  };
}

function alumnusDeclaration(member: MemberRow): AlumnusDeclaration {
  return {
    memberType: member.memberType,
    organisation: member.organisation,
    sector: member.sector,
    coiRelations: member.coiRelations,
    coiDivisions: member.coiDivisions,
    formerDivisions: member.formerDivisions,
    yearLeft: member.yearLeft,
    monthLeft: member.monthLeft,
  };
}

const NO_NOTICE: EthicsCheck = { notices: [] };

/**
 * The ethics check of an introduction: only a current official (isCurrentOfficial: `side` 'staff')
 * holds a post the rules concern; nothing is checked for anyone else, an organizer who is an
 * alumnus included (organizers ask as staff do, but hold no post for it).
 */
export function ethicsCheckFor(
  side: 'staff' | 'alumni',
  requester: MemberRow | undefined,
  division: string | null,
  alumnus: MemberRow,
  now: Date,
  settings: IntroductionEthicsSettings,
): EthicsCheck {
  if (side !== 'staff') return NO_NOTICE;
  return checkIntroduction(staffDeclaration(requester, division), alumnusDeclaration(alumnus), now, settings);
}

/** The requester's answers to the ethics notices the modal showed (none when it showed none). */
export interface EthicsAnswers {
  /** The notices the modal showed, as its metadata carried them. */
  shown: readonly EthicsNotice[];
  acknowledged: boolean;
  notifySupervisor: boolean;
  supervisorSlackUserId: string | null;
  /** What Slack says of the supervisor chosen (users.info), when one was. */
  supervisor?: Actor;
}

export type EthicsField = 'acknowledged' | 'supervisor';
export type EthicsErrorCode = 'ackRequired' | 'supervisorRequired' | 'supervisorSelf' | 'supervisorNotStaff';
export interface EthicsFieldError {
  field: EthicsField;
  code: EthicsErrorCode;
}

/** What is missing from the requester's answers to the notices that apply; nothing when none applies. */
export function checkEthicsAnswers(
  check: EthicsCheck,
  answers: EthicsAnswers,
  requesterSlackUserId: string,
  staffEmailDomains: readonly string[],
): EthicsFieldError[] {
  if (check.notices.length === 0) return [];
  const errors: EthicsFieldError[] = [];
  if (!answers.acknowledged) errors.push({ field: 'acknowledged', code: 'ackRequired' });
  if (!answers.notifySupervisor) return errors;
  if (!answers.supervisorSlackUserId) {
    errors.push({ field: 'supervisor', code: 'supervisorRequired' });
    return errors;
  }
  const problem = supervisorProblem({
    supervisorSlackUserId: answers.supervisorSlackUserId,
    ownSlackUserId: requesterSlackUserId,
    supervisor: answers.supervisor,
    staffEmailDomains,
  });
  if (problem) errors.push({ field: 'supervisor', code: problem });
  return errors;
}

/**
 * The supervisor's DM was delivered: when is kept (the record says "notified" from it, and it stays
 * when the requester's erasure clears the supervisor's Slack ID). The first delivery's time stays.
 */
export async function recordSupervisorNotified(deps: ServiceDeps, requestId: string): Promise<void> {
  if (!isUuid(requestId)) return;
  await createRepositories(deps.db).introductions.markSupervisorNotified(requestId, deps.clock());
}
