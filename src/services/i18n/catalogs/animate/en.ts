/** The `animate` group in en: see ../../README.md for who owns which area. */
export const animate = {
  /** Percify's motion styles as a member reads them (the values sent stay `subtle`…). */
  motion: {
    subtle: 'subtle',
    moderate: 'moderate',
    dynamic: 'dynamic',
  },
  /** /animate's settings, checked before any price is shown. */
  params: {
    badDuration: '{{tier}} videos are {{min, number}} to {{max, number}} seconds long.',
    badDurationLonger:
      '{{tier}} videos are {{min, number}} to {{max, number}} seconds long. Use `tier:reality-lab` for up to {{longest, number}} s.',
    fpsTier: '{{fps, number}} fps needs the Reality Lab tier. Add `tier:reality-lab`, or use 30 fps.',
    formatTier: '{{format}} files need the Reality Lab tier. Add `tier:reality-lab`, or use mp4.',
    badSpeech: 'The spoken line takes 1 to {{max, number}} characters.',
    unknownAvatar:
      "I can't find that avatar among your finished ones. Pick one from the list as you type, or make one with `/avatar`.",
  },
  /** The price of a video, as the offer and the panel say it. */
  quote: {
    voiceOnly: '{{total}} for the voice (estimated)',
    split: '{{total}} (video {{video, number}} + voice about {{audio, number}})',
  },
  /** The private offer of a costly video: Confirm or Cancel within a minute. */
  confirm: {
    confirmButton: '✅ Confirm',
    cancelButton: 'Cancel',
    title: '🎬 Confirm this video?',
    body: 'This is {{video}}.\nIt costs **{{price}}**; you would have {{left}} left.',
    /** English needs "a" or "an" before the length ("an 8 s video"); most languages write both alike. */
    videoA: 'a {{length}} {{tier}} video ({{motion}} motion, {{fps, number}} fps, {{format}})',
    videoAn: 'an {{length}} {{tier}} video ({{motion}} motion, {{fps, number}} fps, {{format}})',
    withLine: '{{video}} with the line “{{line}}”',
    lapses: 'This offer lapses in a minute.',
    expiredFooter: 'This offer has expired. Run /animate again to see the price.',
    gone: 'This offer is no longer open (offers lapse after a minute). Run `/animate` again.',
    expired: 'This offer has expired (offers last a minute). Run `/animate` again to see the price.',
    notOwner: 'Only the member who asked for this video can confirm it.',
    cancelledTitle: 'Cancelled',
    cancelledBody: 'Nothing was reserved or charged.',
  },
  /** The private panel of the 🎬 Animate button under an avatar. */
  panel: {
    title: '🎬 Animate this avatar',
    body: '{{prompt}}\n\nPick the tier, motion and length, then render.',
    tier: 'Tier',
    motion: 'Motion',
    length: 'Length',
    tierOption: '{{tier}} — {{resolution}}, up to {{longest}}',
    lengthOption_one: '{{count, number}} second',
    lengthOption_other: '{{count, number}} seconds',
    render: '🎬 Render · {{cost}}',
    expired: 'This panel has expired. Click 🎬 Animate on the avatar again.',
    gone: 'This panel is no longer open (panels close after an hour). Click 🎬 Animate on the avatar again.',
    badChoice: 'That choice is not available. Click 🎬 Animate on the avatar again.',
  },
  /** The video job's public reply: progress, result and failure. */
  video: {
    stageWorking: {
      audio: 'Generating the voice…',
      video: 'Rendering the video…',
      lipsync: 'Syncing lips…',
    },
    stageFailed: {
      audio: 'The voice could not be generated',
      video: 'The video could not be rendered',
      lipsync: 'Lip-sync failed',
    },
    /** A stage's short name in the line of stages: "voice 1/3 · video 2/3 · lip-sync 3/3". */
    stageName: {
      audio: 'voice',
      video: 'video',
      lipsync: 'lip-sync',
    },
    stageStep: '{{stage}} {{step, number}}/{{steps, number}}',
    titleAnimating: '🎬 Animating your avatar',
    titleAddingVoice: '🔊 Adding a voice',
    waiting: '⏳ Waiting for a free slot: **#{{position, number}}** in line',
    starting: '⏳ Starting…',
    length: '**Length** {{length}}',
    tier: '**Tier** {{tier}} · {{resolution}}',
    tierFps: '**Tier** {{tier}} · {{resolution}} · {{fps, number}} fps',
    motion: '**Motion** {{motion}}',
    fps: '**FPS** {{fps, number}}',
    format: '**Format** {{format}}',
    voiceSaying: '**Voice** `{{voice}}` saying:\n{{line}}',
    cost: '**Cost** {{reserved}} reserved',
    costAfter: '**Cost** {{reserved}} reserved · {{left}} left after this',
    job: 'Job {{id}}',
    jobVideo: 'Job {{id}} · {{videoId}}',
    voice: '**Voice** {{value}}',
    voiceYes: 'Yes',
    voiceNo: 'No',
    voiceDropped: 'No: it could not be added (not charged)',
    charged: '**Charged** {{amount}}',
    replaceVoice: 'Replace voice',
    addVoice: 'Add voice',
    rerender: 'Re-render',
    delete: 'Delete',
    open: 'Open video',
    titleDone: '✅ Your video',
    titleVoiceAdded: '✅ Voice added',
    noteVoiceDropped:
      '⚠️ The voice could not be added, so here is the video without it. The voice was not charged.',
    noteTooLarge:
      "📦 This video is larger than this server's upload limit of {{limit}}: **[open the video]({{url}})**",
    noteTooLargeSized:
      "📦 This video ({{size}}) is larger than this server's upload limit of {{limit}}: **[open the video]({{url}})**",
    megabytes: '{{value, number(maximumFractionDigits: 0)}} MB',
    megabytesSmall: '{{value, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB',
    altUpload: 'Your video, {{length}}',
    altPoster: 'Poster of your video, {{length}}',
    titleFailed: '❌ Could not animate your avatar',
    titleFailedVoice: '❌ Could not add the voice',
    failedStage: '{{stage}}.',
    failedStageStep: '{{stage}} (step {{step, number}} of {{steps, number}}).',
    notCharged: '**Nothing was charged**: the {{amount}} held for this are back in your balance.',
  },
  /** Voice names in /animate's voice choices and the 🔊 Add voice form. */
  voices: {
    mine: '{{name}} (your voice)',
    presets: {
      narrator: 'Narrator',
      friendlyFemale: 'Friendly (female)',
      friendlyMale: 'Friendly (male)',
      professionalFemale: 'Professional (female)',
      professionalMale: 'Professional (male)',
    },
  },
  /** A voice sample refused before anything is held (docs §5.2). */
  sample: {
    tooBig: 'That recording is too big; samples can be up to 10 MB.',
    notAudio: 'That file is not a WAV, MP3, FLAC or M4A recording.',
    tooShort:
      'That recording is {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s long; a voice needs at least {{min, number}} s ({{best, number}}–60 s works best).',
    tooLong:
      'That recording is {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s long; samples can be up to 5 minutes. Trim it and try again.',
    unplayable: 'That recording could not be played. Try another file.',
  },
  /** /voice clone, list and delete: every answer is private. */
  voice: {
    emptyName: 'Give the voice a name.',
    unreadable:
      'That recording could not be read from Discord. Samples must be WAV, MP3, FLAC or M4A, 15 s to 5 min long and at most 10 MB. Nothing was charged.',
    refused: '{{reason}} Nothing was charged.',
    noAllowance:
      'Cloning costs {{cost, number}} credits and you have {{available, number}} left today; nothing was charged.',
    noBudget:
      "Cloning costs {{cost, number}} credits and the server's budget has {{available, number}} left; nothing was charged.",
    tooMany:
      'You already have as many jobs running as this server allows. Try again when one finishes; nothing was charged.',
    notAllowed: "This server's limits do not allow a voice clone right now; nothing was charged.",
    failTooShort:
      'Percify found the recording too short ({{duration, number}} s; at least {{minimum, number}} s). Record a longer sample.',
    failUnusable:
      'Percify could not use that recording. Samples must be WAV, MP3, FLAC or M4A, 15 s to 5 min long and at most 10 MB.',
    failLanguage: 'Percify cannot clone a voice in that language yet.',
    failOutOfCredits:
      "The server's Percify account is out of credits right now. A server admin needs to top it up.",
    failOther: 'Percify could not clone the voice just now. Try again in a moment.',
    notYours: 'That is not one of your voices. `/voice list` shows them.',
    deleted: '🗑 Deleted your voice **{{name}}**, here and at Percify.',
    cloningTitle: '🎙 Cloning “{{name}}”…',
    cloningBody: 'Usually under a minute.',
    doneTitle: '✅ Your voice “{{name}}” is ready',
    doneBody:
      'Pick it in `/animate`’s voice option or under 🔊 Add voice on a video: it is listed first, and only for you. `/voice delete` removes it.',
    failedTitle: '❌ Could not clone “{{name}}”',
    failedBody: '{{reason}}\n\n**Nothing was charged.**',
    listTitle: '🎙 Your voices',
    listEmpty: 'You have not cloned a voice yet. Record 30–60 s of yourself and use `/voice clone`.',
    listEntry: '**{{name}}** · `{{id}}` · {{length}} sample · {{when}}',
    listFooter: 'Only you see these. /voice delete removes one, here and at Percify.',
  },
} as const;
