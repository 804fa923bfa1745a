/** The `animate` group in de: see ../../README.md for who owns which area. */
export const animate = {
  motion: {
    subtle: 'dezent',
    moderate: 'moderat',
    dynamic: 'dynamisch',
  },
  params: {
    badDuration: '{{tier}}-Videos sind {{min, number}} bis {{max, number}} Sekunden lang.',
    badDurationLonger:
      '{{tier}}-Videos sind {{min, number}} bis {{max, number}} Sekunden lang. Mit `tier:reality-lab` gehen bis zu {{longest, number}} s.',
    fpsTier: '{{fps, number}} fps gibt es nur mit Reality Lab. Nimm `tier:reality-lab` dazu oder 30 fps.',
    formatTier: '{{format}}-Dateien gibt es nur mit Reality Lab. Nimm `tier:reality-lab` dazu oder mp4.',
    badSpeech: 'Der gesprochene Satz darf 1 bis {{max, number}} Zeichen lang sein.',
    unknownAvatar:
      'Diesen Avatar finde ich nicht unter deinen fertigen. Wähl beim Tippen einen aus der Liste oder mach einen mit `/avatar`.',
  },
  quote: {
    voiceOnly: '{{total}} für die Stimme (geschätzt)',
    split: '{{total}} (Video {{video, number}} + Stimme etwa {{audio, number}})',
  },
  confirm: {
    confirmButton: '✅ Bestätigen',
    cancelButton: 'Abbrechen',
    title: '🎬 Dieses Video bestätigen?',
    body: 'Das ist {{video}}.\nEs kostet **{{price}}**; danach hättest du noch {{left}}.',
    videoA: 'ein {{tier}}-Video mit {{length}} (Bewegung {{motion}}, {{fps, number}} fps, {{format}})',
    videoAn: 'ein {{tier}}-Video mit {{length}} (Bewegung {{motion}}, {{fps, number}} fps, {{format}})',
    withLine: '{{video}} mit dem Satz „{{line}}“',
    lapses: 'Dieses Angebot gilt eine Minute.',
    expiredFooter: 'Dieses Angebot ist abgelaufen. Führ /animate noch einmal aus, um den Preis zu sehen.',
    gone: 'Dieses Angebot gilt nicht mehr (Angebote laufen nach einer Minute ab). Führ `/animate` noch einmal aus.',
    expired:
      'Dieses Angebot ist abgelaufen (Angebote gelten eine Minute). Führ `/animate` noch einmal aus, um den Preis zu sehen.',
    notOwner: 'Nur wer dieses Video angefragt hat, kann es bestätigen.',
    cancelledTitle: 'Abgebrochen',
    cancelledBody: 'Es wurde nichts vorgemerkt oder abgebucht.',
  },
  panel: {
    title: '🎬 Diesen Avatar animieren',
    body: '{{prompt}}\n\nWähl Stufe, Bewegung und Länge, dann rendern.',
    tier: 'Stufe',
    motion: 'Bewegung',
    length: 'Länge',
    tierOption: '{{tier}} — {{resolution}}, bis zu {{longest}}',
    lengthOption_one: '{{count, number}} Sekunde',
    lengthOption_other: '{{count, number}} Sekunden',
    render: '🎬 Rendern · {{cost}}',
    expired: 'Dieses Panel ist abgelaufen. Klick noch einmal auf 🎬 Animieren beim Avatar.',
    gone: 'Dieses Panel ist nicht mehr offen (Panels schließen nach einer Stunde). Klick noch einmal auf 🎬 Animieren beim Avatar.',
    badChoice: 'Diese Auswahl gibt es nicht. Klick noch einmal auf 🎬 Animieren beim Avatar.',
  },
  video: {
    stageWorking: {
      audio: 'Stimme wird erzeugt…',
      video: 'Video wird gerendert…',
      lipsync: 'Lippen werden synchronisiert…',
    },
    stageFailed: {
      audio: 'Die Stimme konnte nicht erzeugt werden',
      video: 'Das Video konnte nicht gerendert werden',
      lipsync: 'Die Lippensynchronisation ist fehlgeschlagen',
    },
    stageName: {
      audio: 'Stimme',
      video: 'Video',
      lipsync: 'Lippensync',
    },
    stageStep: '{{stage}} {{step, number}}/{{steps, number}}',
    titleAnimating: '🎬 Dein Avatar wird animiert',
    titleAddingVoice: '🔊 Stimme wird hinzugefügt',
    waiting: '⏳ Wartet auf einen freien Platz: **#{{position, number}}** in der Schlange',
    starting: '⏳ Geht gleich los…',
    length: '**Länge** {{length}}',
    tier: '**Stufe** {{tier}} · {{resolution}}',
    tierFps: '**Stufe** {{tier}} · {{resolution}} · {{fps, number}} fps',
    motion: '**Bewegung** {{motion}}',
    fps: '**FPS** {{fps, number}}',
    format: '**Format** {{format}}',
    voiceSaying: '**Stimme** `{{voice}}` sagt:\n{{line}}',
    cost: '**Kosten** {{reserved}} vorgemerkt',
    costAfter: '**Kosten** {{reserved}} vorgemerkt · danach {{left}} übrig',
    job: 'Auftrag {{id}}',
    jobVideo: 'Auftrag {{id}} · {{videoId}}',
    voice: '**Stimme** {{value}}',
    voiceYes: 'Ja',
    voiceNo: 'Nein',
    voiceDropped: 'Nein: Sie konnte nicht hinzugefügt werden (nicht berechnet)',
    charged: '**Abgebucht** {{amount}}',
    replaceVoice: 'Stimme ersetzen',
    addVoice: 'Stimme hinzufügen',
    rerender: 'Neu rendern',
    delete: 'Löschen',
    open: 'Video öffnen',
    titleDone: '✅ Dein Video',
    titleVoiceAdded: '✅ Stimme hinzugefügt',
    noteVoiceDropped:
      '⚠️ Die Stimme konnte nicht hinzugefügt werden, hier ist das Video ohne sie. Die Stimme wurde nicht berechnet.',
    noteTooLarge:
      '📦 Dieses Video ist größer als das Upload-Limit dieses Servers von {{limit}}: **[Video öffnen]({{url}})**',
    noteTooLargeSized:
      '📦 Dieses Video ({{size}}) ist größer als das Upload-Limit dieses Servers von {{limit}}: **[Video öffnen]({{url}})**',
    megabytes: '{{value, number(maximumFractionDigits: 0)}} MB',
    megabytesSmall: '{{value, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} MB',
    altUpload: 'Dein Video, {{length}}',
    altPoster: 'Vorschaubild deines Videos, {{length}}',
    titleFailed: '❌ Dein Avatar konnte nicht animiert werden',
    titleFailedVoice: '❌ Die Stimme konnte nicht hinzugefügt werden',
    failedStage: '{{stage}}.',
    failedStageStep: '{{stage}} (Schritt {{step, number}} von {{steps, number}}).',
    notCharged:
      '**Es wurde nichts abgebucht**: Die {{amount}}, die dafür vorgemerkt waren, sind wieder auf deinem Konto.',
  },
  voices: {
    mine: '{{name}} (deine Stimme)',
    presets: {
      narrator: 'Erzähler',
      friendlyFemale: 'Freundlich (weiblich)',
      friendlyMale: 'Freundlich (männlich)',
      professionalFemale: 'Professionell (weiblich)',
      professionalMale: 'Professionell (männlich)',
    },
  },
  sample: {
    tooBig: 'Diese Aufnahme ist zu groß; Samples dürfen höchstens 10 MB haben.',
    notAudio: 'Diese Datei ist keine WAV-, MP3-, FLAC- oder M4A-Aufnahme.',
    tooShort:
      'Diese Aufnahme ist {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s lang; eine Stimme braucht mindestens {{min, number}} s (am besten {{best, number}}–60 s).',
    tooLong:
      'Diese Aufnahme ist {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s lang; Samples dürfen höchstens 5 Minuten lang sein. Kürz sie und versuch es noch einmal.',
    unplayable: 'Diese Aufnahme ließ sich nicht abspielen. Versuch eine andere Datei.',
  },
  voice: {
    emptyName: 'Gib der Stimme einen Namen.',
    unreadable:
      'Diese Aufnahme konnte nicht von Discord gelesen werden. Samples müssen WAV, MP3, FLAC oder M4A sein, 15 s bis 5 min lang und höchstens 10 MB groß. Es wurde nichts abgebucht.',
    refused: '{{reason}} Es wurde nichts abgebucht.',
    noAllowance:
      'Das Klonen kostet {{cost, number}} Credits, und du hast heute noch {{available, number}}; es wurde nichts abgebucht.',
    noBudget:
      'Das Klonen kostet {{cost, number}} Credits, und im Budget des Servers sind noch {{available, number}}; es wurde nichts abgebucht.',
    tooMany:
      'Du hast schon so viele Aufträge laufen, wie dieser Server erlaubt. Versuch es wieder, wenn einer fertig ist; es wurde nichts abgebucht.',
    notAllowed: 'Die Limits dieses Servers erlauben gerade kein Stimmklonen; es wurde nichts abgebucht.',
    failTooShort:
      'Percify fand die Aufnahme zu kurz ({{duration, number}} s; mindestens {{minimum, number}} s). Nimm ein längeres Sample auf.',
    failUnusable:
      'Percify konnte diese Aufnahme nicht verwenden. Samples müssen WAV, MP3, FLAC oder M4A sein, 15 s bis 5 min lang und höchstens 10 MB groß.',
    failLanguage: 'Percify kann in dieser Sprache noch keine Stimme klonen.',
    failOutOfCredits:
      'Dem Percify-Konto des Servers sind gerade die Credits ausgegangen. Ein Server-Admin muss es aufladen.',
    failOther: 'Percify konnte die Stimme gerade nicht klonen. Versuch es gleich noch einmal.',
    notYours: 'Das ist keine deiner Stimmen. `/voice list` zeigt sie dir.',
    deleted: '🗑 Deine Stimme **{{name}}** ist gelöscht, hier und bei Percify.',
    cloningTitle: '🎙 „{{name}}“ wird geklont…',
    cloningBody: 'Dauert meist unter einer Minute.',
    doneTitle: '✅ Deine Stimme „{{name}}“ ist fertig',
    doneBody:
      'Wähl sie in der Stimm-Option von `/animate` oder unter 🔊 Stimme hinzufügen bei einem Video: Sie steht ganz oben und nur für dich. `/voice delete` entfernt sie.',
    failedTitle: '❌ „{{name}}“ konnte nicht geklont werden',
    failedBody: '{{reason}}\n\n**Es wurde nichts abgebucht.**',
    listTitle: '🎙 Deine Stimmen',
    listEmpty: 'Du hast noch keine Stimme geklont. Nimm 30–60 s von dir auf und nutze `/voice clone`.',
    listEntry: '**{{name}}** · `{{id}}` · {{length}} Sample · {{when}}',
    listFooter: 'Nur du siehst sie. /voice delete entfernt eine, hier und bei Percify.',
  },
} as const;
