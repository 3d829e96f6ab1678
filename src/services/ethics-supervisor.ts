import { isStaffAccount, type Actor } from './identity';

/** Why someone cannot be named ethics supervisor (the introduction form and the profile form). */
export type SupervisorProblem = 'supervisorSelf' | 'supervisorNotStaff';

/**
 * Whether `supervisorSlackUserId` may be the ethics supervisor of `ownSlackUserId`: not themselves,
 * and a current official of the ministry by Slack's user record (`supervisor`, from users.info),
 * not the ID alone: the supervisor's DM names the alumnus and their employer.
 */
export function supervisorProblem(input: {
  supervisorSlackUserId: string;
  ownSlackUserId: string;
  supervisor: Pick<Actor, 'slackUserId' | 'standing' | 'email'> | undefined;
  staffEmailDomains: readonly string[];
}): SupervisorProblem | undefined {
  if (input.supervisorSlackUserId === input.ownSlackUserId) return 'supervisorSelf';
  const { supervisor } = input;
  if (supervisor?.slackUserId !== input.supervisorSlackUserId || !isStaffAccount(supervisor, input.staffEmailDomains)) return 'supervisorNotStaff';
  return undefined;
}
