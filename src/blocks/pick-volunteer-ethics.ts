import type { KnownBlock, ModalView } from '@slack/types';
import type { IntroductionRow, MemberRow } from '../db/schema';
import type { Messages } from '../i18n';
import { VIEWS } from '../slack/ids';
import { escapeMrkdwnWithin } from '../slack/mrkdwn';
import { plain } from './common';
import { ethicsBlocks, type ModalEthics } from './introduction-ethics';

/** What the pick modal carries to its submission: the request, the volunteer, and the notices shown. */
export interface PickVolunteerEthicsMetadata {
  r: string;
  m: string;
  e: ModalEthics['check']['notices'];
}

/**
 * Choosing a volunteer an ethics notice applies to: the notices, the required acknowledgement and
 * the optional "tell my ethics supervisor" (the same parts as the direct request's form); the
 * introduction is made only on submission.
 */
export function buildPickEthicsModal(props: {
  t: Messages;
  request: Pick<IntroductionRow, 'id' | 'topic'>;
  volunteer: Pick<MemberRow, 'id' | 'name' | 'pseudonym'>;
  ethics: ModalEthics;
}): ModalView {
  const { t, request, volunteer, ethics } = props;
  const m = t.pickEthics;
  const parts = ethicsBlocks(t, ethics);
  const metadata: PickVolunteerEthicsMetadata = { r: request.id, m: volunteer.id, e: ethics.check.notices };
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: m.intro(escapeMrkdwnWithin(volunteer.name ?? volunteer.pseudonym, 120), escapeMrkdwnWithin(request.topic, 200)),
      },
    },
    ...parts.notices,
    ...parts.inputs,
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.pickVolunteerEthics,
    private_metadata: JSON.stringify(metadata),
    title: plain(m.title, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks,
  };
}
