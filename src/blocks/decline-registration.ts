import type { ModalView } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Messages } from '../i18n';
import { DECLINE_REGISTRATION_FIELDS, VIEWS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { inputBlock, plain } from './common';

/**
 * "Decline" on a registration: the organizer confirms, may give the applicant a reason, and reads
 * what will happen (the applicant's DM names them as the one to contact). The private_metadata is
 * only a hint: the submission checks the organizer and the registration again.
 */
export function buildDeclineRegistrationModal(props: {
  t: Messages;
  member: MemberRow;
  organizerSlackUserId: string;
  fromHome: boolean;
  reasonMax: number;
}): ModalView {
  const m = props.t.declineRegistration;
  const name = escapeMrkdwnWithin(props.member.name ?? props.member.pseudonym, 200);
  return {
    type: 'modal',
    callback_id: VIEWS.declineRegistration,
    private_metadata: JSON.stringify({ m: props.member.id, ...(props.fromHome ? { h: true } : {}) }),
    title: plain(m.title, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: m.question(name) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: m.whatHappens(mention(props.organizerSlackUserId)) }] },
      inputBlock(
        DECLINE_REGISTRATION_FIELDS.reason,
        m.reason,
        { type: 'plain_text_input', action_id: DECLINE_REGISTRATION_FIELDS.reason, multiline: true, max_length: props.reasonMax },
        { optional: true, hint: m.reasonHint(props.reasonMax) },
      ),
    ],
  };
}

/**
 * The applicant's DM when declined: whom to contact (the organizer who declined), then the reason
 * as they wrote it, escaped and quoted line by line.
 */
export function buildDeclineNotice(props: { t: Messages; decidedBySlackUserId: string | null; reason: string | null }): string {
  const m = props.t.declineRegistration;
  const text = m.applicantDeclined(props.decidedBySlackUserId ? mention(props.decidedBySlackUserId) : m.anOrganizer);
  if (!props.reason) return text;
  const quoted = escapeMrkdwnWithin(props.reason, 1500)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `${text}\n\n${m.applicantReason(quoted)}`;
}
