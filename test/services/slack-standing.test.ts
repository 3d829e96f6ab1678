import { describe, expect, it } from 'vitest';
import { accountStandingOf, effectiveStanding, isFullMember, takesPart, type SlackAccountFacts } from '../../src/services/slack-standing';
import { toSlackUserRecord } from '../../src/slack/user-record';
import { slackUserObject } from '../helpers/slack-api';

const WORKSPACE = { teamId: 'T0KAKEHASH', enterpriseId: null };
const GRID = { teamId: 'T0KAKEHASH', enterpriseId: 'E0MINISTRY' };
const person: SlackAccountFacts = {
  teamId: 'T0KAKEHASH',
  enterpriseId: null,
  deleted: false,
  notAPerson: false,
  guest: false,
  invited: false,
};

describe('a Slack account’s standing', () => {
  it('is member only for a person of the installed workspace, whatever the email says', () => {
    expect(accountStandingOf(person, WORKSPACE)).toBe('member');
    expect(accountStandingOf({ ...person, guest: true }, WORKSPACE)).toBe('guest');
    expect(accountStandingOf({ ...person, deleted: true }, WORKSPACE)).toBe('deactivated');
    expect(accountStandingOf({ ...person, deleted: true, guest: true }, WORKSPACE)).toBe('deactivated');
    expect(accountStandingOf({ ...person, notAPerson: true }, WORKSPACE)).toBe('not_a_person');
    expect(accountStandingOf({ ...person, invited: true }, WORKSPACE)).toBe('invited');
    expect(accountStandingOf({ ...person, teamId: 'T0ELSEWHERE' }, WORKSPACE)).toBe('external');
    expect(accountStandingOf({ ...person, teamId: null }, WORKSPACE)).toBe('external');
  });

  it('counts another workspace of the same Enterprise Grid organisation as the organisation’s own', () => {
    expect(accountStandingOf({ ...person, teamId: 'T0SISTER', enterpriseId: 'E0MINISTRY' }, GRID)).toBe('member');
    expect(accountStandingOf({ ...person, teamId: 'T0SISTER', enterpriseId: 'E0OTHERORG' }, GRID)).toBe('external');
    expect(accountStandingOf({ ...person, teamId: 'T0SISTER', enterpriseId: null }, GRID)).toBe('external');
  });

  it('lets a guest take part only when organizers named them, and never as a full member', () => {
    expect(effectiveStanding('guest', true)).toBe('allowed_guest');
    expect(effectiveStanding('guest', false)).toBe('guest');
    expect(effectiveStanding('external', true)).toBe('external');
    expect(effectiveStanding('deactivated', true)).toBe('deactivated');
    expect([takesPart('allowed_guest'), isFullMember('allowed_guest')]).toEqual([true, false]);
    expect(['guest', 'external', 'deactivated', 'not_a_person', 'invited'].map((s) => takesPart(s as never))).toEqual([false, false, false, false, false]);
  });

  it('reads Slack’s user object: flags, team, and the enterprise of a Grid user', () => {
    const record = (slack: Record<string, unknown>, id = 'U0SOMEONE') => toSlackUserRecord(id, slackUserObject(id, { email: 'A@Meti.go.jp', slack }), GRID);
    expect(record({})).toMatchObject({ accountStanding: 'member', email: 'a@meti.go.jp', tz: 'Asia/Tokyo', slackLocale: 'en-US' });
    expect(record({ is_ultra_restricted: true }).accountStanding).toBe('guest');
    expect(record({ is_workflow_bot: true }).accountStanding).toBe('not_a_person');
    expect(record({}, 'USLACKBOT').accountStanding).toBe('not_a_person');
    expect(record({ team_id: 'T0SISTER', enterprise_user: { enterprise_id: 'E0MINISTRY' } }).accountStanding).toBe('member');
    expect(record({ team_id: 'T0SISTER', enterprise_user: { enterprise_id: 'E0ELSE' } }).accountStanding).toBe('external');
  });
});
