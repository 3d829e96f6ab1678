/**
 * The network's calendar. Dates a person picks ("by when", "unavailable until") and "this month"
 * for capacity are days in Japan, wherever the server runs.
 */
export const NETWORK_TIME_ZONE = 'Asia/Tokyo';
const OFFSET_MS = 9 * 60 * 60_000; // Japan has no daylight saving time.

/** Today's date in the network's time zone, as YYYY-MM-DD. */
export function networkToday(now: Date): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the network's current month began (midnight on the 1st, Japan time). */
export function networkMonthStart(now: Date): Date {
  const local = new Date(now.getTime() + OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - OFFSET_MS);
}

/** The instant a network date (YYYY-MM-DD) begins. */
export function startOfNetworkDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** The date `days` after a network date. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
