// The page's own words (not the app's: its messages come in each person's language from the bot),
// in both languages, Japanese first: the sandbox is shown to people who read either.

/** key → [Japanese, English] */
export const LABELS = {
  channels: ['チャンネル', 'Channels'],
  directMessages: ['ダイレクトメッセージ', 'Direct messages'],
  apps: ['アプリ', 'Apps'],
  noneYet: ['まだありません', 'none yet'],
  webApiCalls: ['Web API 呼び出し', 'Web API calls'],
  failed: ['失敗', 'failed'],
  sandboxTime: ['サンドボックス時刻', 'Sandbox time'],
  clockHint: ['アプリもこの時刻で動きます', 'the app follows this clock'],
  plusHour: ['+1時間', '+1 hour'],
  plusDay: ['+1日', '+1 day'],
  plusWeek: ['+1週間', '+1 week'],
  nextScheduled: ['次の予約投稿', 'Next scheduled'],
  nothingScheduled: ['予約投稿なし', 'nothing scheduled'],
  edited: ['編集済み', 'edited'],
  scheduled: ['予約投稿', 'scheduled'],
  onlyYou: ['あなただけに表示されています', 'Only visible to you'],
  noMessages: ['まだメッセージはありません。', 'No messages yet.'],
  messageTo: ['メッセージを送信', 'Message'],
  typeSlash: ['/ でコマンド', 'type / for commands'],
  send: ['送信', 'Send'],
  shortcuts: ['ショートカット', 'Shortcuts'],
  attachCsv: ['CSVを添付', 'Attach CSV'],
  attachHint: ['アプリとのDMにファイルを共有します（アプリには file_share のメッセージイベントが届きます）', 'Shares a file in your DM with the app (the app gets a file_share message event)'],
  home: ['ホーム', 'Home'],
  messages: ['メッセージ', 'Messages'],
  noHome: ['アプリはまだあなたのホームタブを公開していません。', 'The app has not published a Home tab for you yet.'],
  appNotInChannel: ['アプリはこのチャンネルに参加していません', 'the app is not in this channel'],
  back: ['戻る', 'Back'],
  close: ['閉じる', 'Close'],
  cancel: ['キャンセル', 'Cancel'],
  ok: ['OK', 'OK'],
};

/** One label, compactly in both languages: 「送信 / Send」. */
export function label(key) {
  const [ja, en] = LABELS[key];
  return ja === en ? en : `${ja} / ${en}`;
}

