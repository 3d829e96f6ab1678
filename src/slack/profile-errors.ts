import type { Messages } from '../i18n';
import type { ProfileFieldError, ProfileInput } from '../services/profile-rules';
import { PROFILE_FIELDS, type ProfileField } from './ids';

/** Which modal block shows the error of each input field. */
const BLOCK_OF: Record<keyof ProfileInput, ProfileField> = {
  name: 'name',
  memberType: 'memberType',
  yearJoined: 'yearJoined',
  yearLeft: 'yearLeft',
  formerDivisions: 'formerDivisions',
  organisation: 'organisation',
  jobTitle: 'jobTitle',
  sector: 'sector',
  topics: 'topics',
  helpText: 'helpText',
  helpKinds: 'helpKinds',
  monthlyCapacity: 'capacity',
  shareWithStaff: 'consent',
  shareWithAlumni: 'consent',
  coiDeclared: 'coi',
  coiDescription: 'coiDescription',
  codeOfConductAccepted: 'codeOfConduct',
  referredBySlackUserId: 'referredBy',
  interestedInReturning: 'returning',
  monthLeft: 'monthLeft',
  coiRelations: 'coiRelations',
  coiDivisions: 'coiDivisions',
  currentDivision: 'currentDivision',
  officialDuties: 'officialDuties',
  dutySectors: 'dutySectors',
  dutyOrganisations: 'dutyOrganisations',
  ethicsSupervisorSlackUserId: 'ethicsSupervisor',
};

/** Field errors as `response_action: "errors"` wants them: block_id → message in the user's language. */
export function profileErrorsForSlack(errors: ProfileFieldError[], t: Messages): Record<string, string> {
  const v = t.validation;
  const result: Record<string, string> = {};
  for (const error of errors) {
    const blockId = PROFILE_FIELDS[BLOCK_OF[error.field]];
    if (result[blockId]) continue;
    switch (error.code) {
      case 'tooLong':
        result[blockId] = v.tooLong(error.params?.max ?? 0);
        break;
      case 'yearRange':
        result[blockId] = v.yearRange(error.params?.min ?? 0, error.params?.max ?? 0);
        break;
      case 'monthRange':
      case 'monthWithoutYear':
      case 'coiRelationsContradict':
        result[blockId] = t.declarations.validation[error.code];
        break;
      default:
        result[blockId] = v[error.code];
    }
  }
  return result;
}
