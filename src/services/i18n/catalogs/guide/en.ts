/** The `guide` group in en: see ../../README.md for who owns which area. */
export const guide = {
  /** Why a job failed, in the job's public reply (submit-outcome.ts, video-failures.ts, avatar-kind.ts). */
  failures: {
    policyStopped: {
      avatar: "🚫 Percify's content policy stopped this one. Try rewording the prompt.",
      audio: "🚫 Percify's content policy stopped this one. Try rewording the spoken line.",
      video: "🚫 Percify's content policy stopped this one. Try another avatar.",
      lipsync: "🚫 Percify's content policy stopped this one. Try another avatar or spoken line.",
    },
    policyRefused: {
      avatar: "🚫 Percify's content policy refused this{{categories}}. Try rewording the prompt.",
      audio: "🚫 Percify's content policy refused this{{categories}}. Try rewording the spoken line.",
      video: "🚫 Percify's content policy refused this{{categories}}. Try another avatar.",
      lipsync: "🚫 Percify's content policy refused this{{categories}}. Try another avatar or spoken line.",
    },
    operatorOutOfCredits:
      "The server's Percify account is out of credits right now. This is not about your balance: a server admin needs to top the account up.",
    planLimit: "The server's Percify plan has reached its daily limit. Try again tomorrow.",
    notFinished:
      'Percify could not finish this one; it was not your prompt or settings. Try again in a moment.',
    somethingWentWrong:
      'Something went wrong while asking Percify. Try again in a moment; if it keeps happening, tell a server admin.',
    invalidImage:
      "Percify could not open this avatar's image (it may have been deleted). Pick another avatar.",
    avatarNotCompleted: 'The avatar is still being finished. Try again in a minute.',
    avatarNotFound: 'Percify could not find that avatar (it may have been deleted). Pick another one.',
    invalidDuration: 'Percify refused this length of video. Try a shorter one.',
    voiceNotFound: 'The chosen voice does not exist any more. Pick another.',
    textTooLong: 'The text to speak is too long. Shorten it and try again.',
    unsupportedLanguage: 'Percify cannot speak the language of this text yet. Try English.',
    rateLimited: 'Percify was too busy to finish this one. Try again in a minute.',
    timeout: 'Percify took too long on this one. Try again in a moment.',
    invalidRequest: 'Percify did not accept these settings. Try changing them, or a shorter prompt.',
    percifyAuth:
      'The bot cannot use Percify right now (its access was refused). A server admin needs to check the setup.',
    settingsNotAllowed: 'These settings are not allowed ({{field}}).',
    notFound:
      'Percify could not find what this needs (it may have been deleted). Try again with another one.',
    videoLength:
      'Percify refused a {{seconds}}-second clip: {{tier}} videos are {{min}} to {{max}} seconds long.',
    videoSettingsNotAllowed: 'These video settings are not allowed ({{field}}).',
    photoGone:
      'Your photo could not be read from Discord any more. Run `/avatar photo:` again with the picture.',
    photoChanged:
      'Your photo could not be used any more: it is no longer a picture Percify can take. Run `/avatar photo:` again with the picture.',
    photoRefused: 'Percify could not use this photo. Try a clear, front-facing, well-lit photo of one face.',
    /** job-endings.ts and job-runner.ts: the bot's own reasons. */
    undeliverable: 'The result could not be posted here.',
    timedOut: 'Percify did not finish this in time.',
    submitGaveUp: 'Percify could not be reached for a while.',
    waitedTooLong: 'It waited too long for a free slot: the bot is very busy right now.',
  },
  delivery: {
    /** Above a result that arrived after the member was told it failed. */
    lateNote: '🎁 This finished after all, after we had given up on it, so it is free.',
    /** After the member's mention, when a result is posted anew without text of its own. */
    ready: 'your result is ready.',
  },
  jobs: {
    unknown: 'This result is no longer available. Run the command again to make a new one.',
    notOwner: "This is someone else's result. Make your own with `/avatar`!",
  },
  policy: {
    channel: {
      avatar: 'Avatars are made in {{where}} on this server. Try there! Nothing was charged.',
      video: 'Videos are made in {{where}} on this server. Try there! Nothing was charged.',
      voice: 'Voices are made in {{where}} on this server. Try there! Nothing was charged.',
    },
    blocked: {
      voiceName:
        'Your voice name contains "{{phrase}}", which this server does not allow. Reword it and try again; nothing was charged.',
      prompt:
        'Your prompt contains "{{phrase}}", which this server does not allow. Reword it and try again; nothing was charged.',
      negativePrompt:
        'Your negative prompt contains "{{phrase}}", which this server does not allow. Reword it and try again; nothing was charged.',
      spokenLine:
        'Your spoken line contains "{{phrase}}", which this server does not allow. Reword it and try again; nothing was charged.',
      avatarPrompt:
        'This avatar\'s prompt contains "{{phrase}}", which this server does not allow. Reword it and try again; nothing was charged.',
    },
    voiceNotYours: 'That voice is not one you can use. Pick one of yours or a preset from the list.',
    modelOff: 'The {{model}} model is turned off on this server. You can use: {{allowed}}.',
    tooManyVariations_one: 'This server allows up to {{count, number}} variation at a time. Ask for fewer.',
    tooManyVariations_other:
      'This server allows up to {{count, number}} variations at a time. Ask for fewer.',
    featureOff: {
      photoAvatars: 'Avatars from photos are turned off on this server. `/avatar` with a prompt still works.',
      voiceCloning: 'Voice cloning is turned off on this server. The preset voices still work in `/animate`.',
    },
    tierOff: 'The {{tier}} tier is turned off on this server. Try `tier:{{example}}`.',
    durationLimit: 'This server allows videos up to {{seconds, number}} seconds. Pick a shorter length.',
  },
  /** affordable-offer.ts and what-fits.ts: "not enough credits", with what would fit instead. */
  afford: {
    notEnough:
      '💳 Not enough credits: this costs **{{price}}** and {{have}}. {{instead}} {{resets}} Nothing was charged.',
    haveOwn: 'you have {{amount}}',
    haveBudgetDay: "the server's daily budget has {{amount}} left",
    haveBudgetMonth: "the server's monthly budget has {{amount}} left",
    fits: 'With that you could make {{fits}}.',
    nothingFits: 'Nothing smaller fits right now.',
    budgetResets: 'The budget resets {{when}}.',
    allowanceResets: 'Your allowance resets {{when}}.',
    images_one: 'one {{model}} image ({{cost}})',
    images_other: '{{count, number}} {{model}} images ({{cost}})',
    video: 'a {{tier}} video of {{seconds, number}} s ({{cost}})',
    videoWithLine: 'a {{tier}} video of {{seconds, number}} s with the line ({{cost}})',
  },
  help: {
    title: '✨ Percify avatars & videos',
    description:
      'Create AI avatars from a prompt with `/avatar`, then bring one to life as a short video, with a spoken, lip-synced line if you like. Prices are in server credits, the same as Percify credits; nothing is charged for a job that fails.',
    fields: {
      commands: 'Commands',
      avatars: 'Avatars',
      videos: 'Videos',
      voice: 'Voice',
      balance: 'Your balance',
      more: 'Getting more credits',
    },
    noCommands: 'None yet.',
    forAdmins: '**For admins:** {{commands}}',
    models: { flux: 'Fast', imagen3: 'High quality', reality4: 'Ultra realistic' },
    avatarPrice: '**{{model}}** · {{label}}: {{price}} per image',
    offHere: '~~{{line}}~~ · off on this server',
    maxVariations: 'Up to {{count, number}} per /avatar',
    videoPrice: '{{base}} up to {{included, number}} s, then +{{perSecond, number}} per second',
    tierName: '**{{tier}}**: {{price}}',
    tierDetails: '{{min, number}}–{{max, number}} s · {{resolution}}, {{fps}} fps',
    voicePrice: '**Spoken line** (lip-synced): {{base}} + {{perSecond, number}} per second of speech',
    photoPrice: '**From your photo** (`/avatar photo:`): {{price}}',
    clonePrice: '**Your own voice** (`/voice clone`): {{price}} once per voice',
    spendNow: '**{{amount}}** to spend now',
    allowanceLeft: "{{left, number}} of today's {{allowance, number}} allowance left",
    granted: '{{count, number}} granted',
    held: '{{count, number}} held for jobs in progress',
    details: '({{details}})',
    separator: ', ',
    budgetDay: 'Server budget: {{left, number}} of {{total, number}} left this day, renews {{when}}',
    budgetMonth: 'Server budget: {{left, number}} of {{total, number}} left this month, renews {{when}}',
    allowanceRefills: 'Your daily allowance of {{amount}} refills {{when}}.',
    roles: 'Some roles get more each day: {{roles}}.',
    askAdmin: 'Need more today? Ask a server admin: they can grant you credits.',
  },
} as const;
