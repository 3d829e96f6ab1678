import type { EventRow } from '../db/schema/events';
import type { Messages } from '../i18n';
import { EVENT_FEE_PAYERS, EVENT_FORMATS, type EventFeePayer, type EventFormat } from '../services/ethics';

// The fee per person, who pays and the format of an event, as the DMs, lists and the announcement
// show them; events made before they were asked (null) show none of them.

/** An amount in yen as the reader writes it (`¥3,000`, `3,000円`). */
export function feeAmount(t: Messages, yen: number): string {
  return t.events.costs.yen(yen.toLocaleString('en-US'));
}

export const knownPayer = (payer: string | null): EventFeePayer | undefined => EVENT_FEE_PAYERS.find((known) => known === payer);
export const knownFormat = (format: string | null): EventFormat | undefined => EVENT_FORMATS.find((known) => known === format);

/** `¥3,000 per person (each attendee pays their own share)`, `Free of charge`; nothing for events made before it was asked. */
function costText(t: Messages, event: Pick<EventRow, 'feePerPerson' | 'feePayer'>): string | undefined {
  const c = t.events.costs;
  const payer = knownPayer(event.feePayer);
  if (payer === 'free') return c.payers.free;
  if (event.feePerPerson === null) return undefined;
  return payer ? c.perPerson(feeAmount(t, event.feePerPerson), c.payers[payer]) : feeAmount(t, event.feePerPerson);
}

/** The cost and format lines, where the event has them. */
export function costLines(t: Messages, event: EventRow): string[] {
  const c = t.events.costs;
  const cost = costText(t, event);
  const format = knownFormat(event.format);
  return [...(cost ? [c.costLine(cost)] : []), ...(format ? [c.formatLine(c.formats[format])] : [])];
}

/** A list's short line of cost and format: `¥3,000 · The organizers · Seated`. */
export function costShort(t: Messages, event: EventRow): string | undefined {
  const c = t.events.costs;
  const payer = knownPayer(event.feePayer);
  const format = knownFormat(event.format);
  const parts = [
    ...(payer !== 'free' && event.feePerPerson !== null ? [feeAmount(t, event.feePerPerson)] : []),
    ...(payer ? [c.payers[payer]] : []),
    ...(format ? [c.formats[format]] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
