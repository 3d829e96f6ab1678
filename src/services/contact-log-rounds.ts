import type { ContactPerson } from '../db/repositories/contact-log';
import type { RoundRecordPair } from '../db/repositories/round-record';
import type { ContactColumn } from './contact-log';
import { networkToday } from './calendar';
import { escapeFormula } from './csv-formula';
import { isCurrentOfficial } from './identity';
import { roundEthicsNotices, roundEthicsSummary, roundPairOutcome, sharedTopicsText } from './round-record';

const erased = (person: ContactPerson) => person.status === 'erased';
/** Text someone typed: a spreadsheet must not run it as a formula. */
const typed = (value: string | null | undefined) => (value ? escapeFormula(value) : '');
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
/** A person as the log names them, before the formula guard: an erased one only by their pseudonym. */
const rawName = (person: ContactPerson) => (erased(person) ? person.pseudonym : (person.name ?? person.pseudonym));

/** The day a round's pair counts as a contact: when someone said they met, else the round's start (Japan days). */
export function roundContactDay(round: RoundRecordPair['round'], people: RoundRecordPair['people']): string {
  const outcome = roundPairOutcome(people);
  return networkToday(outcome.status === 'met' && outcome.answeredAt ? outcome.answeredAt : round.startsAt);
}

/**
 * A round's pair with staff in it as a row (format `round`), with its outcome, dated the day
 * someone answered "we met", else the round's start, in Japan: the staff and the others of the pair (`; `-separated in a
 * trio), the topics they share as the subject, and whether the interested-party check flagged it.
 * Nobody is known to have paid for anything. Erased people appear only as their pseudonym.
 */
export function roundCells({ pair, round, people }: RoundRecordPair, staffEmailDomains: readonly string[]): Record<ContactColumn, string> {
  const persons = people.map(({ person }) => person);
  const staff = persons.filter((person) => isCurrentOfficial(person, staffEmailDomains));
  const others = persons.filter((person) => !isCurrentOfficial(person, staffEmailDomains));
  const outcome = roundPairOutcome(people);
  const notices = roundEthicsNotices(pair.ethicsMatch);
  // Guarded once per cell, as the events' lists are: only the cell's start can make it a formula.
  const list = (group: ContactPerson[], pick: (person: ContactPerson) => string | null) =>
    typed(group.map((person) => (erased(person) ? '' : (pick(person) ?? ''))).join('; '));
  return {
    date: roundContactDay(round, people),
    kind: 'round',
    staff: typed(staff.map(rawName).join('; ')),
    staff_division: list(staff, (person) => person.currentDivision),
    alumni: typed(others.map(rawName).join('; ')),
    alumni_organisation: list(others, (person) => person.organisation),
    subject: typed(sharedTopicsText(pair.sharedTopics)),
    format: 'round',
    outcome: outcome.status,
    interested_party_notice: yesNo(notices.interestedParty),
    post_retirement_notice: yesNo(notices.postRetirement),
    meal_notice: '',
    ethics_match: persons.some(erased) ? '' : typed(roundEthicsSummary(pair.ethicsMatch)),
    notice_acknowledged_at: '',
    supervisor_notified: '',
    paid_by: '',
    fee_per_person: '',
    reference_id: pair.id,
  };
}

