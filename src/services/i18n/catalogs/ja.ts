import type { Catalog } from '../catalog-types.js';
import { avatar } from './avatar/ja.js';
import { animate } from './animate/ja.js';
import { quota } from './quota/ja.js';
import { guide } from './guide/ja.js';

export const ja = {
  units: {
    credits_other: '{{count, number}} クレジット',
    seconds: '{{count, number}} 秒',
  },
  errors: {
    internal:
      '😵 こちらで問題が起きました。料金はかかっていません。少し待ってからもう一度お試しください（参照 `{{reference}}`）。',
    draining: '🔄 ボットを再起動しています。少し待ってからもう一度お試しください。',
    guildOnly: 'このボットはサーバー内で使えます。クレジットはサーバーごとに管理されています。',
    unknownCommand: 'このコマンドはもう使えません。`/help` で使えるコマンドを確認してください。',
    staleComponent: 'このボタンはもう使えません。もう一度コマンドを実行してください。',
    optionRequired: '`{{option}}` を入力してください。',
    optionNotAChoice: '`{{option}}` は次のいずれかにしてください: {{allowed}}。',
    unknownSubcommand: '`/{{command}}` のこのサブコマンドはもう使えません。',
  },
  credits: {
    titleOwn: '💳 あなたのクレジット',
    titleOther: '💳 クレジット',
    spendableOwn: '今使えるのは **{{amount}}** です。',
    spendableOther: '<@{{member}}> さんが今使えるのは **{{amount}}** です。',
    allowance: '今日の割り当て',
    allowanceValue:
      '{{allowance}} 中 残り {{left, number}} · 使用 {{spent, number}} · 予約 {{reserved, number}}',
    granted: '付与分',
    grantedValue: '{{amount}}（使い切るまで残ります）',
    resets: '割り当てのリセット',
    budgetDay: 'サーバーの1日の予算',
    budgetMonth: 'サーバーの月間予算',
    budgetValue: '{{total}} 中 残り {{left, number}} · リセット {{when}}',
    recent: '最近の支払いと返金',
    recentNone: 'まだありません。`/avatar` を試してみてください！',
    notAdmin:
      '🔒 ほかのメンバーのクレジットを見られるのは **サーバー管理** 権限を持つメンバーだけです。自分の分は `/credits` だけで確認できます。',
    notMember: '<@{{member}}> さんはこのサーバーのメンバーではありません。',
  },
  entries: {
    capture: '**−{{amount, number}}** · {{what}} · {{when}}',
    release: '**+{{amount, number}}** 返金 · {{reason}} · {{when}}',
    grant: '**+{{amount, number}}** 付与 · {{reason}} · {{when}}',
    revoke: '**−{{amount, number}}** 取り消し · {{reason}} · {{when}}',
    reserve: '**{{amount, number}}** 処理中のジョブのために確保 · {{when}}',
    topup: '表示価格を超えた {{amount}} はサーバーが負担 · {{when}}',
    settings: '管理者がサーバーの設定を変更しました · {{when}}',
  },
  made: {
    avatars_other: 'アバター {{count, number}} 枚',
    modelAvatars_other: '{{model}} のアバター {{count, number}} 枚',
    video: '動画',
    tierVideo: '{{tier}} の動画',
    timedVideo: '{{length}} の動画',
    timedTierVideo: '{{length}} の {{tier}} 動画',
    audio: '音声のセリフ',
    other: 'ジョブ',
  },
  refunds: {
    tookTooLong: 'Percify の処理に時間がかかりすぎました',
    undeliverable: '結果を投稿できませんでした',
    unreachable: 'Percify に接続できませんでした',
    busy: 'Percify が混み合っていました',
    contentPolicy: 'Percify のコンテンツポリシーでプロンプトが拒否されました',
    outOfCredits: 'サーバーの Percify アカウントのクレジットが不足しました',
    planLimit: 'サーバーの Percify プランが上限に達しました',
    signIn: 'ボットが Percify にログインできませんでした',
    failed: 'Percify が作成できませんでした',
    badImage: 'Percify がアバターの画像を読み込めませんでした',
    avatarUnfinished: 'アバターがまだ完成していませんでした',
    badLength: 'その長さは選べません',
    voiceGone: 'その声はもうありません',
    lineTooLong: 'セリフが長すぎました',
    language: 'その言語はまだ話せません',
    restarted: 'ジョブの開始前にボットが再起動しました',
    tooSlowToAnswer: 'ボットが時間内に応答できませんでした',
    avatarGone: 'そのアバターはもうありません',
    other: 'ジョブが完了しませんでした',
  },
  language: {
    unknown: '「{{typed}}」という言語はわかりません。入力中に表示される一覧から選んでください。',
  },
  video: {
    gone: 'この動画はもうありません。`/animate` で新しく作ってください。',
  },
  voiceModal: {
    title: '声を追加',
    line: 'アバターに何を話させますか？',
    voice: '声',
    narrator: 'ナレーター',
    language: 'セリフの言語',
  },
  avatar,
  animate,
  quota,
  guide,
} as const satisfies Catalog;
