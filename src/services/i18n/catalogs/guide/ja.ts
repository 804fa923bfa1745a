/** The `guide` group in ja: see ../../README.md for who owns which area. */
export const guide = {
  failures: {
    policyStopped: {
      avatar: '🚫 Percify のコンテンツポリシーにより止められました。プロンプトを言い換えてみてください。',
      audio: '🚫 Percify のコンテンツポリシーにより止められました。セリフを言い換えてみてください。',
      video: '🚫 Percify のコンテンツポリシーにより止められました。別のアバターを試してください。',
      lipsync: '🚫 Percify のコンテンツポリシーにより止められました。別のアバターかセリフを試してください。',
    },
    policyRefused: {
      avatar:
        '🚫 Percify のコンテンツポリシーにより断られました{{categories}}。プロンプトを言い換えてみてください。',
      audio:
        '🚫 Percify のコンテンツポリシーにより断られました{{categories}}。セリフを言い換えてみてください。',
      video:
        '🚫 Percify のコンテンツポリシーにより断られました{{categories}}。別のアバターを試してください。',
      lipsync:
        '🚫 Percify のコンテンツポリシーにより断られました{{categories}}。別のアバターかセリフを試してください。',
    },
    operatorOutOfCredits:
      'サーバーの Percify アカウントのクレジットが今なくなっています。あなたの残高の問題ではありません。サーバー管理者がアカウントにチャージする必要があります。',
    planLimit: 'サーバーの Percify プランが1日の上限に達しました。明日もう一度お試しください。',
    notFinished:
      'Percify がこれを完成できませんでした。プロンプトや設定のせいではありません。少し待ってからもう一度お試しください。',
    somethingWentWrong:
      'Percify への問い合わせ中に問題が起きました。少し待ってからもう一度お試しください。何度も起きる場合はサーバー管理者に伝えてください。',
    invalidImage:
      'Percify がこのアバターの画像を開けませんでした（削除された可能性があります）。別のアバターを選んでください。',
    avatarNotCompleted: 'アバターはまだ仕上げ中です。1分ほどしてからもう一度お試しください。',
    avatarNotFound:
      'Percify がそのアバターを見つけられませんでした（削除された可能性があります）。別のものを選んでください。',
    invalidDuration: 'Percify がこの動画の長さを受け付けませんでした。もっと短くしてみてください。',
    voiceNotFound: '選んだ声はもうありません。別の声を選んでください。',
    textTooLong: '読み上げるテキストが長すぎます。短くしてもう一度お試しください。',
    unsupportedLanguage: 'Percify はこのテキストの言語をまだ話せません。英語で試してください。',
    rateLimited: 'Percify が混み合っていて完成できませんでした。1分ほどしてからもう一度お試しください。',
    timeout: 'Percify の処理に時間がかかりすぎました。少し待ってからもう一度お試しください。',
    invalidRequest:
      'Percify がこの設定を受け付けませんでした。設定を変えるか、短いプロンプトにしてみてください。',
    percifyAuth:
      'ボットは今 Percify を使えません（アクセスが拒否されました）。サーバー管理者が設定を確認する必要があります。',
    settingsNotAllowed: 'この設定は使えません（{{field}}）。',
    notFound:
      'Percify が必要なものを見つけられませんでした（削除された可能性があります）。別のもので試してください。',
    videoLength:
      'Percify が {{seconds}} 秒のクリップを受け付けませんでした。{{tier}} の動画は {{min}}〜{{max}} 秒です。',
    videoSettingsNotAllowed: 'この動画の設定は使えません（{{field}}）。',
    photoGone:
      'Discord から写真を読み込めなくなりました。画像を付けてもう一度 `/avatar photo:` を実行してください。',
    photoChanged:
      '写真がもう使えません。Percify で使える画像ではなくなっています。画像を付けてもう一度 `/avatar photo:` を実行してください。',
    photoRefused:
      'Percify はこの写真を使えませんでした。顔が一つだけ写った、正面向きで明るく鮮明な写真を試してください。',
    undeliverable: '結果をここに投稿できませんでした。',
    timedOut: 'Percify の処理が時間内に終わりませんでした。',
    submitGaveUp: 'しばらく Percify に接続できませんでした。',
    waitedTooLong: '空き枠を長く待ちすぎました。ボットは今とても混み合っています。',
  },
  delivery: {
    lateNote: '🎁 あきらめた後で完成したので、無料でお届けします。',
    ready: '結果ができあがりました。',
  },
  jobs: {
    unknown: 'この結果はもうありません。もう一度コマンドを実行して新しく作ってください。',
    notOwner: 'これはほかの人の結果です。`/avatar` で自分のものを作ってみてください！',
  },
  policy: {
    channel: {
      avatar:
        'このサーバーではアバターは {{where}} で作成します。そちらでお試しください！料金はかかっていません。',
      video:
        'このサーバーでは動画は {{where}} で作成します。そちらでお試しください！料金はかかっていません。',
      voice: 'このサーバーでは声は {{where}} で作成します。そちらでお試しください！料金はかかっていません。',
    },
    blocked: {
      voiceName:
        '声の名前に「{{phrase}}」が含まれていますが、このサーバーでは使えません。言い換えてもう一度お試しください。料金はかかっていません。',
      prompt:
        'プロンプトに「{{phrase}}」が含まれていますが、このサーバーでは使えません。言い換えてもう一度お試しください。料金はかかっていません。',
      negativePrompt:
        'ネガティブプロンプトに「{{phrase}}」が含まれていますが、このサーバーでは使えません。言い換えてもう一度お試しください。料金はかかっていません。',
      spokenLine:
        'セリフに「{{phrase}}」が含まれていますが、このサーバーでは使えません。言い換えてもう一度お試しください。料金はかかっていません。',
      avatarPrompt:
        'このアバターのプロンプトに「{{phrase}}」が含まれていますが、このサーバーでは使えません。言い換えてもう一度お試しください。料金はかかっていません。',
    },
    voiceNotYours: 'その声は使えません。自分の声か、リストのプリセットから選んでください。',
    modelOff: '{{model}} モデルはこのサーバーではオフになっています。使えるのは {{allowed}} です。',
    tooManyVariations_other: 'このサーバーでは一度に {{count, number}} 枚までです。数を減らしてください。',
    featureOff: {
      photoAvatars:
        'このサーバーでは写真からのアバター作成はオフになっています。プロンプトでの `/avatar` は使えます。',
      voiceCloning:
        'このサーバーでは声のクローンはオフになっています。プリセットの声は `/animate` で使えます。',
    },
    tierOff: '{{tier}} ティアはこのサーバーではオフになっています。`tier:{{example}}` を試してください。',
    durationLimit: 'このサーバーの動画は {{seconds, number}} 秒までです。もっと短い長さを選んでください。',
  },
  afford: {
    notEnough:
      '💳 クレジットが足りません。これは **{{price}}** かかりますが、{{have}}。{{instead}}{{resets}}料金はかかっていません。',
    haveOwn: '手持ちは {{amount}} です',
    haveBudgetDay: 'サーバーの1日の予算の残りは {{amount}} です',
    haveBudgetMonth: 'サーバーの月間予算の残りは {{amount}} です',
    fits: 'それなら {{fits}} が作れます。',
    nothingFits: '今はこれより小さいものも作れません。',
    budgetResets: '予算は {{when}} にリセットされます。',
    allowanceResets: '割り当ては {{when}} にリセットされます。',
    images_other: '{{model}} の画像 {{count, number}} 枚（{{cost}}）',
    video: '{{seconds, number}} 秒の {{tier}} 動画（{{cost}}）',
    videoWithLine: 'セリフ付き {{seconds, number}} 秒の {{tier}} 動画（{{cost}}）',
  },
  help: {
    title: '✨ Percify のアバターと動画',
    description:
      '`/avatar` でプロンプトから AI アバターを作り、その一つを短い動画にして動かせます。お好みで口の動きに合わせたセリフも付けられます。料金はサーバーのクレジットで、Percify のクレジットと同じです。失敗したジョブには料金がかかりません。',
    fields: {
      commands: 'コマンド',
      avatars: 'アバター',
      videos: '動画',
      voice: '音声',
      balance: 'あなたの残高',
      more: 'クレジットを増やすには',
    },
    noCommands: 'まだありません。',
    forAdmins: '**管理者向け:** {{commands}}',
    models: { flux: '高速', imagen3: '高品質', reality4: '超リアル' },
    avatarPrice: '**{{model}}** · {{label}}: 1枚 {{price}}',
    offHere: '~~{{line}}~~ · このサーバーではオフ',
    maxVariations: '/avatar 1回につき最大 {{count, number}} 枚',
    videoPrice: '{{included, number}} 秒まで {{base}}、以降 1秒ごとに +{{perSecond, number}}',
    tierName: '**{{tier}}**: {{price}}',
    tierDetails: '{{min, number}}〜{{max, number}} 秒 · {{resolution}}、{{fps}} fps',
    voicePrice: '**セリフ**（口の動きに同期）: {{base}} + 音声1秒ごとに {{perSecond, number}}',
    photoPrice: '**あなたの写真から**（`/avatar photo:`）: {{price}}',
    clonePrice: '**あなた自身の声**（`/voice clone`）: 声ごとに1回 {{price}}',
    spendNow: '今使えるのは **{{amount}}**',
    allowanceLeft: '今日の割り当て {{allowance, number}} のうち残り {{left, number}}',
    granted: '付与分 {{count, number}}',
    held: '処理中のジョブに確保 {{count, number}}',
    details: '（{{details}}）',
    separator: '、',
    budgetDay: 'サーバーの予算: 今日は {{total, number}} のうち残り {{left, number}}、{{when}} に更新',
    budgetMonth: 'サーバーの予算: 今月は {{total, number}} のうち残り {{left, number}}、{{when}} に更新',
    allowanceRefills: '1日の割り当て {{amount}} は {{when}} に補充されます。',
    roles: '毎日もっと多くもらえるロールがあります: {{roles}}。',
    askAdmin: '今日もっと必要ですか？サーバー管理者に頼めば、クレジットを付与してもらえます。',
  },
} as const;
