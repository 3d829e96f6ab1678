import { describe, expect, it } from 'vitest';
import { profileAudience, profileChanges, reportProfileSave } from '../../src/services/profile-changes';
import { memberRow } from '../helpers/factories';

describe('what a profile save changed', () => {
  const before = memberRow({ memberType: 'alumni', status: 'active', topics: ['dx', 'energy_gx'], shareWithStaff: true, shareWithAlumni: false });

  it('the same profile saved again changed nothing, whatever order the topics came in', () => {
    expect(profileChanges(before, { ...before, topics: ['energy_gx', 'dx'], profileConfirmedAt: new Date() })).toEqual([]);
  });

  it('names each part of the form that changed, in the form’s order', () => {
    const after = { ...before, organisation: 'New Org', title: 'Director', topics: ['dx'], shareWithAlumni: true, coiDeclared: true, coiDescription: 'x' };
    expect(profileChanges(before, after)).toEqual(['organisation', 'jobTitle', 'topics', 'consent', 'coi']);
  });

  it('a first save changes everything', () => {
    expect(profileChanges(undefined, before)).toHaveLength(24);
  });
});

describe('who can see a profile', () => {
  it.each([
    [true, true, 'staffAndAlumni'],
    [true, false, 'staff'],
    [false, true, 'alumni'],
    [false, false, 'organizers'],
    [null, null, 'organizers'],
  ] as const)('an alumnus sharing with staff %s and alumni %s: %s', (shareWithStaff, shareWithAlumni, audience) => {
    expect(profileAudience({ memberType: 'alumni', shareWithStaff, shareWithAlumni })).toBe(audience);
  });

  it('current staff are shown to nobody but organizers, whatever they ticked', () => {
    expect(profileAudience({ memberType: 'staff', shareWithStaff: true, shareWithAlumni: true })).toBe('staffMember');
  });
});

describe('the report after a save', () => {
  const before = memberRow({ memberType: 'alumni', status: 'active', shareWithStaff: true, shareWithAlumni: false });

  it('tells the audience on a first save, and only then or when consent changes', () => {
    expect(reportProfileSave(undefined, { ...before, status: 'pending' }, 'created_pending')).toMatchObject({ audience: 'staff', pending: true });
    expect(reportProfileSave(before, { ...before, organisation: 'Other' }, 'updated')).toMatchObject({ audience: undefined, changes: ['organisation'] });
    expect(reportProfileSave(before, { ...before, shareWithAlumni: true }, 'updated')).toMatchObject({ audience: 'staffAndAlumni', changes: ['consent'] });
  });

  it('an alumnus who shares with nobody is warned on every save, even one that changed nothing', () => {
    const hidden = { ...before, shareWithStaff: false };
    expect(reportProfileSave(hidden, hidden, 'updated')).toMatchObject({ changes: [], sharedWithNobody: true });
    expect(reportProfileSave(before, before, 'updated').sharedWithNobody).toBe(false);
  });
});
