import type { EventAudience, EventRow, RsvpAnswer } from '../db/schema/events';
import type { MemberRow } from '../db/schema/members';

export type { EventAudience, EventRow, RsvpAnswer };

export interface RsvpCounts {
  going: number;
  maybe: number;
  notGoing: number;
  waitlisted: number;
}

/** An event with its live counts, as announcements and lists show it. */
export interface EventView {
  event: EventRow;
  counts: RsvpCounts;
  /** null when the event has no capacity limit. */
  placesLeft: number | null;
}

/** An event as one member sees it in lists: with their own answer. */
export interface MyEventView extends EventView {
  myAnswer: RsvpAnswer | null;
  /** 1-based place on the waitlist when the member is waitlisted. */
  myWaitlistPosition: number | null;
}

/** What an edit changed, for the notice to members who are going or waitlisted. */
export type EventChange = 'title' | 'time' | 'place' | 'description' | 'capacity' | 'rsvpDeadline' | 'audience' | 'cost' | 'format';

/** `alumni`: alumni and returnees only; `all`: alumni and current staff. */
export const EVENT_AUDIENCES = ['alumni', 'all'] as const satisfies readonly EventAudience[];

/** Someone who may or may not attend: their member row, if they have a profile. */
type Attendee = Pick<MemberRow, 'status' | 'memberType'> | undefined;

/**
 * The one rule of who may attend an event, behind answering, lists and every DM about an event:
 * active members only, and current staff only events open to staff (returnees belong to the
 * alumni network and may attend either). People without a profile, pending or declined applicants
 * and erased members may attend none.
 */
export function audiencesOpenTo(member: Attendee): readonly EventAudience[] {
  if (!member || member.status !== 'active') return [];
  return member.memberType === 'staff' ? ['all'] : EVENT_AUDIENCES;
}

export type AttendRefusal = 'needs_profile' | 'not_for_staff';

/** Why this person may not attend this event, or null when they may (see audiencesOpenTo). */
export function attendRefusal(member: Attendee, event: Pick<EventRow, 'audience'>): AttendRefusal | null {
  const open = audiencesOpenTo(member);
  if (open.length === 0) return 'needs_profile';
  return open.includes(event.audience) ? null : 'not_for_staff';
}

export function mayAttend(member: Attendee, event: Pick<EventRow, 'audience'>): boolean {
  return attendRefusal(member, event) === null;
}

export const EVENT_LIMITS = {
  title: 150,
  place: 500,
  description: 2000,
  maxCapacity: 10_000,
  /** Yen per person: far above any meetup's, well within an integer column. */
  maxFee: 1_000_000,
} as const;
