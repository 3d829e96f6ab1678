import type { EventRow, RsvpAnswer } from '../db/schema/events';

export type { EventRow, RsvpAnswer };

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
export type EventChange = 'title' | 'time' | 'place' | 'description' | 'capacity' | 'rsvpDeadline' | 'audience';

/** `alumni`: alumni and returnees only; `all`: alumni and current staff. */
export const EVENT_AUDIENCES = ['alumni', 'all'] as const;

export const EVENT_LIMITS = {
  title: 150,
  place: 500,
  description: 2000,
  maxCapacity: 10_000,
} as const;
