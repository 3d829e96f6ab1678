import type { HomeView } from '@slack/types';
import type { Messages } from '../i18n';
import { plain } from './common';

/** The App Home of an account that takes no part: why, and nothing else. */
export function buildAccessHomeView(props: { t: Messages; reason: string }): HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: plain(props.t.common.appName, 150) },
      { type: 'section', text: { type: 'mrkdwn', text: props.reason } },
    ],
  };
}
