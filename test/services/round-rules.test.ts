import { describe, expect, it } from 'vitest';
import { checkInTime, joinRefusal, nextStartAfter, roundEnd } from '../../src/services/round-rules';
import { checkRoundSettings } from '../../src/services/rounds';
import { memberRow } from '../helpers/factories';

describe('who may join rounds', () => {
  const staff = (yearJoined: number | null) => memberRow({ memberType: 'staff', status: 'active', yearJoined });

  it('counts years at the ministry by the year in Japan: on New Year’s morning there, it is already the new year', () => {
    // 00:30 on 1 January 2027 in Tokyo is still 2026 in UTC.
    const newYearsMorning = new Date('2026-12-31T15:30:00Z');
    expect(joinRefusal(staff(2024), { staffMaxYears: 2 }, newYearsMorning)).toBe('not_entry_level');
    expect(joinRefusal(staff(2025), { staffMaxYears: 2 }, newYearsMorning)).toBeUndefined();
    expect(joinRefusal(staff(null), { staffMaxYears: 2 }, newYearsMorning)).toBeUndefined();
    expect(joinRefusal(staff(1990), { staffMaxYears: null }, newYearsMorning)).toBeUndefined();
  });

  it('asks alumni to share with staff and take introductions; nobody joins without an active profile', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    expect(joinRefusal(memberRow({ memberType: 'alumni', status: 'active', shareWithStaff: true, monthlyCapacity: 1 }), undefined, now)).toBeUndefined();
    expect(joinRefusal(memberRow({ memberType: 'alumni', status: 'active', shareWithStaff: false, monthlyCapacity: 1 }), undefined, now)).toBe('not_shared');
    expect(joinRefusal(memberRow({ memberType: 'alumni', status: 'active', shareWithStaff: true, monthlyCapacity: 0 }), undefined, now)).toBe('not_shared');
    expect(joinRefusal(memberRow({ status: 'pending' }), undefined, now)).toBe('no_profile');
    expect(joinRefusal(undefined, undefined, now)).toBe('no_profile');
  });
});

describe('when rounds run', () => {
  const start = new Date('2026-12-03T03:00:00Z');

  it('ends a round when the next begins, checks in midway, and does not make up rounds missed while nothing ran', () => {
    expect(roundEnd(start, 'biweekly')).toEqual(new Date('2026-12-17T03:00:00Z'));
    expect(checkInTime(start, roundEnd(start, 'weekly'))).toEqual(new Date('2026-12-06T15:00:00Z'));
    expect(nextStartAfter(start, 'weekly', new Date('2026-12-20T00:00:00Z'))).toEqual(new Date('2026-12-24T03:00:00Z'));
  });

  it('refuses a next start in the past, or before the running round ends', () => {
    const input = { enabled: true, cadence: 'weekly' as const, staffMaxYears: null, pairSize: 2, mix: 'staff_alumni' as const, flaggedPairs: 'notice' as const, noRepeatRounds: 6 };
    const now = new Date('2026-12-05T00:00:00Z');
    expect(checkRoundSettings({ ...input, nextStartAt: new Date('2026-12-04T00:00:00Z') }, now)).toEqual([{ field: 'nextStart', code: 'nextStart' }]);
    const runningUntil = new Date('2026-12-10T03:00:00Z');
    expect(checkRoundSettings({ ...input, nextStartAt: new Date('2026-12-08T00:00:00Z') }, now, runningUntil)).toEqual([
      { field: 'nextStart', code: 'duringRound', until: runningUntil },
    ]);
    expect(checkRoundSettings({ ...input, nextStartAt: runningUntil }, now, runningUntil)).toEqual([]);
    expect(checkRoundSettings({ ...input, enabled: false, nextStartAt: null }, now, runningUntil)).toEqual([]);
  });
});
