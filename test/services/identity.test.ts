import { describe, expect, it } from 'vitest';
import { isCurrentOfficial, type OfficialFacts } from '../../src/services/identity';

const DOMAINS = ['meti.go.jp'];
/** Someone with no profile, on a full Slack account outside the ministry: a test states what differs. */
const person = (overrides: Partial<OfficialFacts> = {}): OfficialFacts => ({ memberType: null, slackStanding: 'member', email: 'hanako@example.com', ...overrides });

describe('who currently holds a post at the ministry (isCurrentOfficial)', () => {
  it('is someone registered as staff or as a returnee, whatever their account', () => {
    expect(isCurrentOfficial(person({ memberType: 'staff' }), DOMAINS)).toBe(true);
    expect(isCurrentOfficial(person({ memberType: 'returnee', slackStanding: null, email: null }), DOMAINS)).toBe(true);
  });

  it('is a full member of the workspace on a staff email domain (or its subdomain), registered or not, by Slack’s record', () => {
    expect(isCurrentOfficial(person({ email: 'taro@meti.go.jp' }), DOMAINS)).toBe(true);
    expect(isCurrentOfficial(person({ memberType: 'alumni', email: 'Taro@Kanto.METI.go.jp' }), DOMAINS)).toBe(true);
  });

  it('is never the email domain alone: not a guest, even an allowed one, an external, deactivated or unknown account', () => {
    for (const slackStanding of ['guest', 'allowed_guest', 'external', 'deactivated', 'invited', 'not_a_person', null] as const) {
      expect(isCurrentOfficial(person({ slackStanding, email: 'taro@meti.go.jp' }), DOMAINS)).toBe(false);
    }
  });

  it('is not an alumnus, or someone without a profile, off the staff domains (a look-alike domain included)', () => {
    expect(isCurrentOfficial(person({ memberType: 'alumni' }), DOMAINS)).toBe(false);
    expect(isCurrentOfficial(person(), DOMAINS)).toBe(false);
    expect(isCurrentOfficial(person({ email: 'taro@notmeti.go.jp' }), DOMAINS)).toBe(false);
    expect(isCurrentOfficial(person({ email: null }), DOMAINS)).toBe(false);
  });
});
