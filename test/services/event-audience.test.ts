import { describe, expect, it } from 'vitest';
import { attendRefusal, audiencesOpenTo, mayAttend } from '../../src/services/event-types';
import { eventRow, memberRow } from '../helpers/factories';

const alumniOnly = eventRow({ audience: 'alumni' });
const withStaff = eventRow({ audience: 'all' });

describe('who may attend an event', () => {
  it.each([
    ['an active alumna', memberRow(), ['alumni', 'all']],
    ['an active returnee', memberRow({ memberType: 'returnee' }), ['alumni', 'all']],
    ['active current staff', memberRow({ memberType: 'staff', yearLeft: null }), ['all']],
    ['a pending applicant', memberRow({ status: 'pending' }), []],
    ['a declined applicant', memberRow({ status: 'declined' }), []],
    ['an erased member', memberRow({ status: 'erased' }), []],
    ['someone with no profile', undefined, []],
  ] as const)('%s may attend events for %j', (_who, member, audiences) => {
    expect(audiencesOpenTo(member)).toEqual(audiences);
    expect(mayAttend(member, alumniOnly)).toBe(audiences.includes('alumni' as never));
    expect(mayAttend(member, withStaff)).toBe(audiences.includes('all' as never));
  });

  it('says why not: no active profile, or an alumni-only event for staff', () => {
    expect(attendRefusal(undefined, withStaff)).toBe('needs_profile');
    expect(attendRefusal(memberRow({ status: 'pending' }), withStaff)).toBe('needs_profile');
    expect(attendRefusal(memberRow({ memberType: 'staff' }), alumniOnly)).toBe('not_for_staff');
    expect(attendRefusal(memberRow({ memberType: 'staff' }), withStaff)).toBeNull();
  });
});
