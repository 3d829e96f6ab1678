import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import type { Audience } from '../../src/db/repositories/members';
import { profileAudience } from '../../src/services/profile-changes';
import { coiDeclaredFor, normaliseDeclarations, validateProfile, type ProfileInput } from '../../src/services/profile-rules';
import { consentedAudiences } from '../../src/services/visibility';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow, profileInput } from '../helpers/factories';

const declarations = {
  monthLeft: 3,
  coiRelations: ['contract', 'bid'],
  coiDivisions: '  資源エネルギー庁 省エネルギー課  ',
  currentDivision: '製造産業局 素材産業課',
  officialDuties: ['procurement'],
  dutySectors: ['investment'],
  dutyOrganisations: 'Green Capital Partners',
  ethicsSupervisorSlackUserId: 'U0SUPERVISOR',
} satisfies Partial<ProfileInput>;

const context = {
  currentYear: 2026,
  actor: { slackUserId: 'U0SOMEONE', standing: 'member' as const, email: 'someone@meti.go.jp' },
  staffEmailDomains: ['meti.go.jp'],
};

describe('which declarations a member type keeps', () => {
  it('staff keep their post’s declarations; the employer’s relations and month left are cleared', () => {
    expect(normaliseDeclarations(profileInput({ ...declarations, memberType: 'staff', yearLeft: null }))).toEqual({
      monthLeft: null,
      coiRelations: [],
      coiDivisions: null,
      currentDivision: '製造産業局 素材産業課',
      officialDuties: ['procurement'],
      dutySectors: ['investment'],
      dutyOrganisations: 'Green Capital Partners',
      ethicsSupervisorSlackUserId: 'U0SUPERVISOR',
    });
  });

  it('alumni keep the employer’s relations (trimmed) and month left; the post’s declarations are cleared', () => {
    expect(normaliseDeclarations(profileInput({ ...declarations, memberType: 'alumni', yearLeft: 2025 }))).toEqual({
      monthLeft: 3,
      coiRelations: ['contract', 'bid'],
      coiDivisions: '資源エネルギー庁 省エネルギー課',
      currentDivision: null,
      officialDuties: [],
      dutySectors: [],
      dutyOrganisations: null,
      ethicsSupervisorSlackUserId: null,
    });
  });

  it('returnees work at the ministry again: they declare their post (as staff do) and the month they left, no employer', () => {
    const kept = normaliseDeclarations(profileInput({ ...declarations, memberType: 'returnee', yearLeft: 2020 }));
    expect(kept).toMatchObject({ monthLeft: 3, coiRelations: [], coiDivisions: null });
    expect(kept.currentDivision).not.toBeNull();
    expect(kept.officialDuties.length).toBeGreaterThan(0);
  });

  it('a profile saved without declarations (seed data) keeps none', () => {
    expect(normaliseDeclarations(profileInput())).toMatchObject({ monthLeft: null, coiRelations: [], officialDuties: [], dutySectors: [] });
  });
});

describe('the conflict-of-interest declaration', () => {
  it('is declared by answering yes, or by ticking a relation; not by relations of a member type that has none', () => {
    expect(coiDeclaredFor(profileInput({ coiDeclared: true, coiDescription: 'x' }))).toBe(true);
    expect(coiDeclaredFor(profileInput({ coiDeclared: true, coiRelations: ['subsidy'] }))).toBe(true);
    expect(coiDeclaredFor(profileInput({ coiDeclared: false }))).toBe(false);
    expect(coiDeclaredFor(profileInput({ memberType: 'staff', yearLeft: null, coiDeclared: false, coiRelations: ['subsidy'] }))).toBe(false);
  });

  it('“yes” with a relation ticked needs no free text; a relation ticked with “no” is refused', () => {
    expect(validateProfile(profileInput({ coiDeclared: true, coiDescription: null, coiRelations: ['permit'] }), context)).toEqual([]);
    expect(validateProfile(profileInput({ coiDeclared: false, coiRelations: ['permit'] }), context)).toEqual([
      { field: 'coiDeclared', code: 'coiRelationsContradict' },
    ]);
  });

  it('relations ticked by a staff member are ignored, not refused', () => {
    const staff = profileInput({ memberType: 'staff', yearLeft: null, coiDeclared: false, coiRelations: ['permit'] });
    expect(validateProfile(staff, context)).toEqual([]);
  });

  it('refuses a month outside 1–12, a month without a year, and over-long declarations', () => {
    expect(validateProfile(profileInput({ monthLeft: 0 }), context)).toEqual([{ field: 'monthLeft', code: 'monthRange', params: undefined }]);
    expect(validateProfile(profileInput({ monthLeft: 2.5 }), context).map((error) => error.code)).toEqual(['monthRange']);
    expect(validateProfile(profileInput({ yearLeft: null, monthLeft: 5 }), context).map((error) => error.code)).toEqual(['monthWithoutYear']);
    expect(validateProfile(profileInput({ memberType: 'staff', yearLeft: null, currentDivision: 'x'.repeat(201) }), context)).toEqual([
      { field: 'currentDivision', code: 'tooLong', params: { max: 200 } },
    ]);
  });
});

describe('the ethics supervisor a member who holds a post names', () => {
  const staff = (supervisor: string) => profileInput({ memberType: 'staff', yearLeft: null, ethicsSupervisorSlackUserId: supervisor });
  const official = { slackUserId: 'U0BOSS', standing: 'member' as const, email: 'boss@meti.go.jp' };
  const error = (code: string) => [{ field: 'ethicsSupervisorSlackUserId', code }];

  it('must be a current official by Slack’s record of that very account, and not themselves', () => {
    expect(validateProfile(staff('U0BOSS'), { ...context, supervisor: official })).toEqual([]);
    expect(validateProfile(staff('U0BOSS'), context)).toEqual(error('supervisorNotStaff'));
    expect(validateProfile(staff('U0BOSS'), { ...context, supervisor: { ...official, slackUserId: 'U0OTHER' } })).toEqual(error('supervisorNotStaff'));
    expect(validateProfile(staff('U0BOSS'), { ...context, supervisor: { ...official, standing: 'guest' } })).toEqual(error('supervisorNotStaff'));
    expect(validateProfile(staff('U0BOSS'), { ...context, supervisor: { ...official, email: 'boss@fund.example' } })).toEqual(error('supervisorNotStaff'));
    expect(validateProfile(staff('U0SOMEONE'), { ...context, supervisor: { ...official, slackUserId: 'U0SOMEONE' } })).toEqual(error('supervisorSelf'));
  });

  it('is checked for returnees too, and not for alumni, whose supervisor is not kept', () => {
    const returnee = profileInput({ memberType: 'returnee', ethicsSupervisorSlackUserId: 'U0SOMEONE' });
    expect(validateProfile(returnee, context)).toEqual(error('supervisorSelf'));
    expect(validateProfile(profileInput({ memberType: 'alumni', ethicsSupervisorSlackUserId: 'U0SOMEONE' }), context)).toEqual([]);
  });
});

describe('who sees a profile: the save feedback and the queries read one definition', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());
  beforeEach(async () => resetDatabase(database));

  const consents = [true, false, null] as const;
  const cases = (['alumni', 'returnee', 'staff'] as const).flatMap((memberType) =>
    consents.flatMap((shareWithStaff) => consents.map((shareWithAlumni) => ({ memberType, shareWithStaff, shareWithAlumni }))),
  );

  it('for every member type and consent, the audiences told after saving are those the queries let see the profile', async () => {
    const repos = createRepositories(database.db);
    for (const answers of cases) {
      const stored = await repos.members.insert(memberRow({ ...answers, status: 'active', slackStanding: 'member' }));
      const shownTo = [];
      for (const audience of ['staff', 'alumni'] as const satisfies Audience[]) {
        if (await repos.members.findVisibleById(audience, stored.id)) shownTo.push(audience);
      }
      expect(consentedAudiences(answers), JSON.stringify(answers)).toEqual(shownTo);
      const told = profileAudience(answers);
      const expected =
        answers.memberType === 'staff'
          ? 'staffMember'
          : shownTo.length === 2
            ? 'staffAndAlumni'
            : shownTo.length === 1
              ? shownTo[0]
              : 'organizers';
      expect(told, JSON.stringify(answers)).toBe(expected);
    }
  });
});
