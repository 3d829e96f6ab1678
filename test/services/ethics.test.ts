import { describe, expect, it } from 'vitest';
import {
  checkIntroduction,
  DEFAULT_ETHICS_SETTINGS,
  interestedPartyMatch,
  listEntries,
  mealNoticeFor,
  postRetirementMatch,
  type AlumnusDeclaration,
  type StaffDeclaration,
} from '../../src/services/ethics';

/** A staff member in charge of subsidies for start-ups in the new-energy division. */
const staff = (overrides: Partial<StaffDeclaration> = {}): StaffDeclaration => ({
  currentDivision: '資源エネルギー庁 新エネルギー課',
  officialDuties: ['subsidies'],
  dutySectors: ['startup'],
  dutyOrganisations: null,
  ...overrides,
});

/** An alumna at a consultancy that declared nothing with the ministry; left in March 2019. */
const alumna = (overrides: Partial<AlumnusDeclaration> = {}): AlumnusDeclaration => ({
  memberType: 'alumni',
  organisation: '株式会社グリーンパワー総研',
  sector: 'consulting',
  coiRelations: [],
  coiDivisions: null,
  formerDivisions: '資源エネルギー庁 省エネルギー課、経済産業政策局 産業組織課',
  yearLeft: 2019,
  monthLeft: 3,
  ...overrides,
});

const settings = DEFAULT_ETHICS_SETTINGS;
const NOW = new Date('2026-12-02T03:00:00Z');

describe('the interested-party check', () => {
  it('finds nothing when the employer declared no relation with the ministry (no false alarm)', () => {
    expect(interestedPartyMatch(staff(), alumna({ sector: 'startup' }))).toBeUndefined();
  });

  it('finds nothing when the staff member’s post handles none of these matters', () => {
    expect(interestedPartyMatch(staff({ officialDuties: [] }), alumna({ sector: 'startup', coiRelations: ['subsidy'] }))).toBeUndefined();
  });

  it('matches when the employer deals with the staff member’s own division, whatever the kind', () => {
    const match = interestedPartyMatch(
      staff({ currentDivision: '新エネルギー課' }),
      alumna({ coiRelations: ['contract'], coiDivisions: '資源エネルギー庁　新エネルギー課\n製造産業局' }),
    );
    expect(match).toEqual({ by: 'division', division: '資源エネルギー庁　新エネルギー課' });
  });

  it('matches a sector the staff member’s matters concern only when the kinds meet (subsidies and a subsidy)', () => {
    expect(interestedPartyMatch(staff(), alumna({ sector: 'startup', coiRelations: ['subsidy', 'contract'] }))).toEqual({
      by: 'sector',
      sector: 'startup',
      relations: ['subsidy'],
    });
    expect(interestedPartyMatch(staff(), alumna({ sector: 'startup', coiRelations: ['contract'] }))).toBeUndefined();
  });

  it('matches an organisation the staff member named, however it is written (width, spacing, company form)', () => {
    const match = interestedPartyMatch(
      staff({ officialDuties: ['procurement'], dutySectors: [], dutyOrganisations: 'ＧＲＥＥＮ Power\nグリーンパワー総研' }),
      alumna({ coiRelations: ['bid'] }),
    );
    expect(match).toEqual({ by: 'organisation', organisation: '株式会社グリーンパワー総研', relations: ['bid'] });
  });

  it('checks the division typed on a request as well as the declared one', () => {
    const alumnus = alumna({ coiRelations: ['contract'], coiDivisions: '通商政策局 通商政策課' });
    expect(interestedPartyMatch(staff({ requestDivision: '通商政策課' }), alumnus)).toEqual({ by: 'division', division: '通商政策局 通商政策課' });
    expect(interestedPartyMatch(staff({ requestDivision: null }), alumnus)).toBeUndefined();
  });

  it('ignores names too short to tell anything apart, and returnees (they work at the ministry again)', () => {
    expect(
      interestedPartyMatch(staff({ currentDivision: '課' }), alumna({ coiRelations: ['contract'], coiDivisions: '新エネルギー課' })),
    ).toBeUndefined();
    expect(interestedPartyMatch(staff(), alumna({ memberType: 'returnee', sector: 'startup', coiRelations: ['subsidy'] }))).toBeUndefined();
  });
});

describe('the post-retirement rule', () => {
  const formerDivision = staff({ currentDivision: '省エネルギー課' });

  it('flags a request from the former division within two years of leaving, counted from the end of the month', () => {
    expect(postRetirementMatch(formerDivision, alumna({ yearLeft: 2025, monthLeft: 3 }), NOW, settings)).toEqual({
      division: '資源エネルギー庁 省エネルギー課',
      until: '2027-03',
    });
  });

  it('does not flag after the period, nor another division, nor someone whose leaving year is unknown', () => {
    expect(postRetirementMatch(formerDivision, alumna({ yearLeft: 2024, monthLeft: 11 }), NOW, settings)).toBeUndefined();
    expect(postRetirementMatch(staff({ currentDivision: '通商政策課' }), alumna({ yearLeft: 2025 }), NOW, settings)).toBeUndefined();
    expect(postRetirementMatch(formerDivision, alumna({ yearLeft: null, monthLeft: null }), NOW, settings)).toBeUndefined();
  });

  it('counts from December when only the year is known (a reminder too many rather than too few)', () => {
    // Left in 2024, month unknown: the period runs to the end of December 2026, Japan time.
    expect(postRetirementMatch(formerDivision, alumna({ yearLeft: 2024, monthLeft: null }), NOW, settings)?.until).toBe('2026-12');
    const newYearInTokyo = new Date('2026-12-31T15:00:00Z');
    expect(postRetirementMatch(formerDivision, alumna({ yearLeft: 2024, monthLeft: null }), newYearInTokyo, settings)).toBeUndefined();
  });

  it('follows the setting', () => {
    expect(postRetirementMatch(formerDivision, alumna({ yearLeft: 2023, monthLeft: 12 }), NOW, { postRetirementYears: 3 })?.until).toBe('2026-12');
  });
});

describe('an introduction’s notices', () => {
  it('are none when nothing matches', () => {
    expect(checkIntroduction(staff(), alumna(), NOW, settings)).toEqual({ notices: [] });
  });

  it('name both rules when both apply', () => {
    const check = checkIntroduction(
      staff({ currentDivision: '省エネルギー課', officialDuties: ['permits'] }),
      alumna({ yearLeft: 2025, coiRelations: ['permit'], coiDivisions: '省エネルギー課' }),
      NOW,
      settings,
    );
    expect(check.notices).toEqual(['interested_party', 'post_retirement']);
    expect(check.interestedParty).toEqual({ by: 'division', division: '省エネルギー課' });
    expect(check.postRetirement?.until).toBe('2027-03');
  });
});

describe('what staff going to an event with an interested party are told (mealNoticeFor)', () => {
  const ownShare = { format: 'seated', feePayer: 'each_attendee', feePerPerson: 12_000 };

  it('their own share of a seated meal over the threshold: notify the ethics supervisor in advance', () => {
    expect(mealNoticeFor(ownShare, true, settings)).toBe('advance_notice');
    expect(mealNoticeFor({ ...ownShare, feePerPerson: 10_001 }, true, settings)).toBe('advance_notice');
  });

  it('a seated meal the organizers pay for, or free of charge: hospitality is not allowed, whatever the amount', () => {
    expect(mealNoticeFor({ ...ownShare, feePayer: 'organizers' }, true, settings)).toBe('hospitality');
    expect(mealNoticeFor({ ...ownShare, feePayer: 'organizers', feePerPerson: 1_000 }, true, settings)).toBe('hospitality');
    expect(mealNoticeFor({ format: 'seated', feePayer: 'free', feePerPerson: 0 }, true, settings)).toBe('hospitality');
  });

  it('nothing at a stand-up party with many attendees, whoever pays', () => {
    for (const feePayer of ['each_attendee', 'organizers', 'free']) {
      expect(mealNoticeFor({ ...ownShare, format: 'standing', feePayer }, true, settings)).toBeUndefined();
    }
  });

  it('nothing at a talk or seminar with no food or drink, free or paid by the organizers (no meal, no hospitality)', () => {
    for (const feePayer of ['each_attendee', 'organizers', 'free']) {
      expect(mealNoticeFor({ format: 'no_meal', feePayer, feePerPerson: 20_000 }, true, settings)).toBeUndefined();
    }
  });

  it('nothing when their own share is at or under the threshold, or unknown, or the event was made before costs were asked', () => {
    expect(mealNoticeFor({ ...ownShare, feePerPerson: 10_000 }, true, settings)).toBeUndefined();
    expect(mealNoticeFor({ ...ownShare, feePerPerson: null }, true, settings)).toBeUndefined();
    expect(mealNoticeFor({ format: null, feePayer: null, feePerPerson: null }, true, settings)).toBeUndefined();
    expect(mealNoticeFor({ ...ownShare, feePayer: null }, true, settings)).toBeUndefined();
  });

  it('raises no false alarm: nothing in any case without an interested party attending', () => {
    for (const feePayer of ['each_attendee', 'organizers', 'free']) {
      for (const format of ['seated', 'standing']) expect(mealNoticeFor({ format, feePayer, feePerPerson: 50_000 }, false, settings)).toBeUndefined();
    }
  });

  it('follows the threshold set', () => {
    expect(mealNoticeFor({ ...ownShare, feePerPerson: 6_000 }, true, { mealNoticeYen: 5_000 })).toBe('advance_notice');
  });
});

it('reads free-text lists one entry per line or separated by 、 or ; (a comma belongs to an English name)', () => {
  expect(listEntries('A課、B課\nC課;D課 \nEnergy Agency, Energy Conservation Division')).toEqual(['A課', 'B課', 'C課', 'D課', 'Energy Agency, Energy Conservation Division']);
  expect(listEntries(null)).toEqual([]);
});
