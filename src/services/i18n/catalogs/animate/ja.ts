/** The `animate` group in ja: see ../../README.md for who owns which area. */
export const animate = {
  motion: {
    subtle: '控えめ',
    moderate: 'ふつう',
    dynamic: '大きめ',
  },
  params: {
    badDuration: '{{tier}} の動画の長さは {{min, number}}〜{{max, number}} 秒です。',
    badDurationLonger:
      '{{tier}} の動画の長さは {{min, number}}〜{{max, number}} 秒です。`tier:reality-lab` なら最大 {{longest, number}} 秒まで作れます。',
    fpsTier:
      '{{fps, number}} fps には Reality Lab が必要です。`tier:reality-lab` を追加するか、30 fps を使ってください。',
    formatTier:
      '{{format}} ファイルには Reality Lab が必要です。`tier:reality-lab` を追加するか、mp4 を使ってください。',
    badSpeech: 'セリフは 1〜{{max, number}} 文字で入力してください。',
    unknownAvatar:
      '完成したアバターの中にそのアバターが見つかりません。入力中に表示される一覧から選ぶか、`/avatar` で作ってください。',
  },
  quote: {
    voiceOnly: '声の分 {{total}}（見積もり）',
    split: '{{total}}（動画 {{video, number}} + 声 約 {{audio, number}}）',
  },
  confirm: {
    confirmButton: '✅ 確定',
    cancelButton: 'キャンセル',
    title: '🎬 この動画で確定しますか？',
    body: '{{video}}です。\n料金は **{{price}}** で、残りは {{left}}になります。',
    videoA: '{{tier}} 動画（{{length}}、動き: {{motion}}、{{fps, number}} fps、{{format}}）',
    videoAn: '{{tier}} 動画（{{length}}、動き: {{motion}}、{{fps, number}} fps、{{format}}）',
    withLine: '{{video}}、セリフは「{{line}}」',
    lapses: 'この見積もりは 1 分で期限切れになります。',
    expiredFooter: 'この見積もりは期限切れです。料金を確認するには /animate をもう一度実行してください。',
    gone: 'この見積もりはもう使えません（1 分で期限切れになります）。`/animate` をもう一度実行してください。',
    expired:
      'この見積もりは期限切れです（有効期間は 1 分です）。料金を確認するには `/animate` をもう一度実行してください。',
    notOwner: 'この動画を確定できるのは、依頼したメンバーだけです。',
    cancelledTitle: 'キャンセルしました',
    cancelledBody: '確保も請求もされていません。',
  },
  panel: {
    title: '🎬 このアバターを動かす',
    body: '{{prompt}}\n\nティア、動き、長さを選んでからレンダリングしてください。',
    tier: 'ティア',
    motion: '動き',
    length: '長さ',
    tierOption: '{{tier}} — {{resolution}}、最大 {{longest}}',
    lengthOption_other: '{{count, number}} 秒',
    render: '🎬 レンダリング · {{cost}}',
    expired: 'このパネルは期限切れです。アバターの 🎬 アニメ化 をもう一度クリックしてください。',
    gone: 'このパネルはもう閉じています（1 時間で閉じます）。アバターの 🎬 アニメ化 をもう一度クリックしてください。',
    badChoice: 'その選択肢は使えません。アバターの 🎬 アニメ化 をもう一度クリックしてください。',
  },
  video: {
    stageWorking: {
      audio: '声を生成しています…',
      video: '動画をレンダリングしています…',
      lipsync: '口の動きを合わせています…',
    },
    stageFailed: {
      audio: '声を生成できませんでした',
      video: '動画をレンダリングできませんでした',
      lipsync: 'リップシンクに失敗しました',
    },
    stageName: {
      audio: '声',
      video: '動画',
      lipsync: 'リップシンク',
    },
    stageStep: '{{stage}} {{step, number}}/{{steps, number}}',
    titleAnimating: '🎬 アバターを動かしています',
    titleAddingVoice: '🔊 声を追加しています',
    waiting: '⏳ 空きを待っています: 順番は **#{{position, number}}**',
    starting: '⏳ 開始しています…',
    length: '**長さ** {{length}}',
    tier: '**ティア** {{tier}} · {{resolution}}',
    tierFps: '**ティア** {{tier}} · {{resolution}} · {{fps, number}} fps',
    motion: '**動き** {{motion}}',
    fps: '**FPS** {{fps, number}}',
    format: '**形式** {{format}}',
    voiceSaying: '**声** `{{voice}}` のセリフ:\n{{line}}',
    cost: '**料金** {{reserved}}を確保',
    costAfter: '**料金** {{reserved}}を確保 · 完了後の残り {{left}}',
    job: 'ジョブ {{id}}',
    jobVideo: 'ジョブ {{id}} · {{videoId}}',
    voice: '**声** {{value}}',
    voiceYes: 'あり',
    voiceNo: 'なし',
    voiceDropped: 'なし: 追加できませんでした（請求なし）',
    charged: '**請求額** {{amount}}',
    replaceVoice: '声を差し替え',
    addVoice: '声を追加',
    rerender: '再レンダリング',
    delete: '削除',
    open: '動画を開く',
    titleDone: '✅ 動画ができました',
    titleVoiceAdded: '✅ 声を追加しました',
    noteVoiceDropped: '⚠️ 声を追加できなかったため、声なしの動画をお届けします。声の分は請求されていません。',
    noteTooLarge:
      '📦 この動画はこのサーバーのアップロード上限 {{limit}} を超えています: **[動画を開く]({{url}})**',
    noteTooLargeSized:
      '📦 この動画（{{size}}）はこのサーバーのアップロード上限 {{limit}} を超えています: **[動画を開く]({{url}})**',
    megabytes: '{{value, number(maximumFractionDigits: 0)}} MB',
    megabytesSmall: '{{value, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB',
    altUpload: 'あなたの動画、{{length}}',
    altPoster: 'あなたの動画のサムネイル、{{length}}',
    titleFailed: '❌ アバターを動かせませんでした',
    titleFailedVoice: '❌ 声を追加できませんでした',
    failedStage: '{{stage}}。',
    failedStageStep: '{{stage}}（ステップ {{step, number}}/{{steps, number}}）。',
    notCharged: '**請求はありません**: 確保していた {{amount}}は残高に戻りました。',
  },
  voices: {
    mine: '{{name}}（あなたの声）',
    presets: {
      narrator: 'ナレーター',
      friendlyFemale: 'フレンドリー（女性）',
      friendlyMale: 'フレンドリー（男性）',
      professionalFemale: 'プロフェッショナル（女性）',
      professionalMale: 'プロフェッショナル（男性）',
    },
  },
  sample: {
    tooBig: 'この録音は大きすぎます。サンプルは 10 MB までです。',
    notAudio: 'このファイルは WAV、MP3、FLAC、M4A の録音ではありません。',
    tooShort:
      'この録音の長さは {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} 秒です。声には {{min, number}} 秒以上必要です（{{best, number}}〜60 秒がおすすめです）。',
    tooLong:
      'この録音の長さは {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} 秒です。サンプルは 5 分までです。短くしてからもう一度お試しください。',
    unplayable: 'この録音を再生できませんでした。別のファイルをお試しください。',
  },
  voice: {
    emptyName: '声に名前を付けてください。',
    unreadable:
      'Discord からこの録音を読み込めませんでした。サンプルは WAV、MP3、FLAC、M4A のいずれかで、長さ 15 秒〜5 分、10 MB までです。料金はかかっていません。',
    refused: '{{reason}} 料金はかかっていません。',
    noAllowance:
      '声のクローンには {{cost, number}} クレジットかかりますが、今日の残りは {{available, number}} です。料金はかかっていません。',
    noBudget:
      '声のクローンには {{cost, number}} クレジットかかりますが、サーバーの予算の残りは {{available, number}} です。料金はかかっていません。',
    tooMany:
      'このサーバーで同時に実行できるジョブの上限に達しています。どれかが終わってからもう一度お試しください。料金はかかっていません。',
    notAllowed: 'このサーバーの制限により、今は声のクローンを作れません。料金はかかっていません。',
    failTooShort:
      'Percify によると録音が短すぎます（{{duration, number}} 秒。{{minimum, number}} 秒以上必要です）。もっと長いサンプルを録音してください。',
    failUnusable:
      'Percify はこの録音を使えませんでした。サンプルは WAV、MP3、FLAC、M4A のいずれかで、長さ 15 秒〜5 分、10 MB までです。',
    failLanguage: 'Percify はまだこの言語で声のクローンを作れません。',
    failOutOfCredits:
      'サーバーの Percify アカウントのクレジットが今不足しています。サーバー管理者にチャージしてもらう必要があります。',
    failOther: 'Percify は今、声のクローンを作れませんでした。少し待ってからもう一度お試しください。',
    notYours: 'それはあなたの声ではありません。`/voice list` で確認できます。',
    deleted: '🗑 あなたの声 **{{name}}** を、ここと Percify から削除しました。',
    cloningTitle: '🎙 「{{name}}」をクローンしています…',
    cloningBody: 'たいてい 1 分以内に終わります。',
    doneTitle: '✅ あなたの声「{{name}}」の準備ができました',
    doneBody:
      '`/animate` の voice オプションか、動画の 🔊 声を追加 で選べます。一覧の一番上に、あなたにだけ表示されます。削除は `/voice delete` です。',
    failedTitle: '❌ 「{{name}}」をクローンできませんでした',
    failedBody: '{{reason}}\n\n**料金はかかっていません。**',
    listTitle: '🎙 あなたの声',
    listEmpty: 'まだ声をクローンしていません。自分の声を 30〜60 秒録音して `/voice clone` を使ってください。',
    listEntry: '**{{name}}** · `{{id}}` · サンプル {{length}} · {{when}}',
    listFooter: 'これはあなたにだけ表示されています。/voice delete で、ここと Percify から削除できます。',
  },
} as const;
