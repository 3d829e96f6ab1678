import type { ModalView, PlainTextOption } from '@slack/types';
import type { RoundParticipantRow, RoundSettingsRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { CURIOUS_LIMITS, type RoundSide } from '../services/round-rules';
import { POLICY_TOPICS } from '../services/taxonomy';
import { ROUNDS } from '../slack/ids';
import { inputBlock, option, plain, termOption } from './common';
import { unix } from './event-time';

const F = ROUNDS.joinFields;
const S = ROUNDS.setupFields;

/** The join form: staff say what they are curious about (prefilled when they update it); alumni only confirm. */
export function buildRoundJoinModal(props: { t: Messages; locale: Locale; side: RoundSide; participant: RoundParticipantRow | undefined }): ModalView {
  const { t, locale, side, participant } = props;
  const m = t.rounds.joinModal;
  const topicOptions = POLICY_TOPICS.map((term) => termOption(term, locale));
  const chosen = topicOptions.filter((choice) => participant?.curiousTopics.includes(choice.value!));
  return {
    type: 'modal',
    callback_id: ROUNDS.joinView,
    title: plain(m.title, 24),
    submit: plain(m.submit, 24),
    close: plain(t.modalNotice.close, 24),
    blocks:
      side === 'staff'
        ? [
            { type: 'section', text: { type: 'mrkdwn', text: m.intro } },
            inputBlock(
              F.topics,
              m.topics,
              {
                type: 'multi_static_select',
                action_id: F.topics,
                options: topicOptions,
                max_selected_items: CURIOUS_LIMITS.topics,
                ...(chosen.length > 0 ? { initial_options: chosen } : {}),
              },
              { optional: true, hint: m.topicsHint },
            ),
            inputBlock(
              F.text,
              m.text,
              {
                type: 'plain_text_input',
                action_id: F.text,
                multiline: true,
                max_length: CURIOUS_LIMITS.text,
                placeholder: plain(m.textHint, 150),
                ...(participant?.curiousText ? { initial_value: participant.curiousText } : {}),
              },
              { optional: true },
            ),
          ]
        : [{ type: 'section', text: { type: 'mrkdwn', text: m.alumniIntro } }],
  };
}

/** The organizers' settings form, prefilled with the stored settings (or the defaults). */
/** `initialStart`: the stored next start while it is ahead, else a suggestion (the caller knows the time). */
export function buildRoundSetupModal(props: { t: Messages; settings: RoundSettingsRow | undefined; initialStart: Date }): ModalView {
  const { t, settings } = props;
  const m = t.rounds.setup;
  const radio = (actionId: string, options: PlainTextOption[], value: string) => ({
    type: 'radio_buttons' as const,
    action_id: actionId,
    options,
    initial_option: options.find((choice) => choice.value === value) ?? options[0]!,
  });
  const enabledOption = option(m.enabledOn, 'on');
  return {
    type: 'modal',
    callback_id: ROUNDS.setupView,
    title: plain(m.title, 24),
    submit: plain(m.submit, 24),
    close: plain(t.modalNotice.close, 24),
    blocks: [
      inputBlock(
        S.enabled,
        m.enabled,
        { type: 'checkboxes', action_id: S.enabled, options: [enabledOption], ...(settings?.enabled ? { initial_options: [enabledOption] } : {}) },
        { optional: true },
      ),
      inputBlock(
        S.cadence,
        m.cadence,
        radio(
          S.cadence,
          (['weekly', 'biweekly', 'every_4_weeks'] as const).map((cadence) => option(t.rounds.cadence[cadence], cadence)),
          settings?.cadence ?? 'biweekly',
        ),
      ),
      inputBlock(S.nextStart, m.nextStart, {
        type: 'datetimepicker',
        action_id: S.nextStart,
        initial_date_time: unix(props.initialStart),
      }),
      inputBlock(
        S.staffMaxYears,
        m.staffMaxYears,
        {
          type: 'number_input',
          action_id: S.staffMaxYears,
          is_decimal_allowed: false,
          min_value: '1',
          max_value: '40',
          ...(settings?.staffMaxYears ? { initial_value: String(settings.staffMaxYears) } : {}),
        },
        { optional: true, hint: m.staffMaxYearsHint },
      ),
      inputBlock(S.pairSize, m.pairSize, radio(S.pairSize, [option(m.pairOf2, '2'), option(m.pairOf3, '3')], String(settings?.pairSize ?? 2))),
      inputBlock(S.mix, m.mix, radio(S.mix, [option(m.mixStaffAlumni, 'staff_alumni'), option(m.mixAlsoAlumni, 'also_alumni_alumni')], settings?.mix ?? 'staff_alumni')),
      inputBlock(S.flagged, m.flagged, radio(S.flagged, [option(m.flaggedNotice, 'notice'), option(m.flaggedAvoid, 'avoid')], settings?.flaggedPairs ?? 'notice')),
      inputBlock(S.noRepeat, m.noRepeat, {
        type: 'number_input',
        action_id: S.noRepeat,
        is_decimal_allowed: false,
        min_value: '0',
        max_value: '52',
        initial_value: String(settings?.noRepeatRounds ?? 6),
      }),
    ],
  };
}
