/** The `guide` group in de: see ../../README.md for who owns which area. */
export const guide = {
  failures: {
    policyStopped: {
      avatar: '🚫 Percifys Inhaltsrichtlinie hat das gestoppt. Formulier den Prompt einfach um.',
      audio: '🚫 Percifys Inhaltsrichtlinie hat das gestoppt. Formulier den gesprochenen Satz einfach um.',
      video: '🚫 Percifys Inhaltsrichtlinie hat das gestoppt. Probier einen anderen Avatar.',
      lipsync:
        '🚫 Percifys Inhaltsrichtlinie hat das gestoppt. Probier einen anderen Avatar oder gesprochenen Satz.',
    },
    policyRefused: {
      avatar:
        '🚫 Percifys Inhaltsrichtlinie hat das abgelehnt{{categories}}. Formulier den Prompt einfach um.',
      audio:
        '🚫 Percifys Inhaltsrichtlinie hat das abgelehnt{{categories}}. Formulier den gesprochenen Satz einfach um.',
      video: '🚫 Percifys Inhaltsrichtlinie hat das abgelehnt{{categories}}. Probier einen anderen Avatar.',
      lipsync:
        '🚫 Percifys Inhaltsrichtlinie hat das abgelehnt{{categories}}. Probier einen anderen Avatar oder gesprochenen Satz.',
    },
    operatorOutOfCredits:
      'Dem Percify-Konto des Servers sind gerade die Credits ausgegangen. Das liegt nicht an deinem Guthaben: Ein Server-Admin muss das Konto aufladen.',
    planLimit: 'Der Percify-Tarif des Servers hat sein Tageslimit erreicht. Versuch es morgen wieder.',
    notFinished:
      'Percify konnte das nicht fertigstellen; an deinem Prompt oder deinen Einstellungen lag es nicht. Versuch es gleich noch einmal.',
    somethingWentWrong:
      'Bei der Anfrage an Percify ist etwas schiefgelaufen. Versuch es gleich noch einmal; wenn es immer wieder passiert, sag einem Server-Admin Bescheid.',
    invalidImage:
      'Percify konnte das Bild dieses Avatars nicht öffnen (vielleicht wurde es gelöscht). Wähl einen anderen Avatar.',
    avatarNotCompleted: 'Der Avatar wird noch fertiggestellt. Versuch es in einer Minute noch einmal.',
    avatarNotFound:
      'Percify konnte diesen Avatar nicht finden (vielleicht wurde er gelöscht). Wähl einen anderen.',
    invalidDuration: 'Percify hat diese Videolänge abgelehnt. Probier eine kürzere.',
    voiceNotFound: 'Die gewählte Stimme gibt es nicht mehr. Wähl eine andere.',
    textTooLong: 'Der Text zum Sprechen ist zu lang. Kürz ihn und versuch es noch einmal.',
    unsupportedLanguage:
      'Percify kann die Sprache dieses Textes noch nicht sprechen. Probier es auf Englisch.',
    rateLimited:
      'Percify war zu ausgelastet, um das fertigzustellen. Versuch es in einer Minute noch einmal.',
    timeout: 'Percify hat dafür zu lange gebraucht. Versuch es gleich noch einmal.',
    invalidRequest:
      'Percify hat diese Einstellungen nicht angenommen. Ändere sie oder probier einen kürzeren Prompt.',
    percifyAuth:
      'Der Bot kann Percify gerade nicht nutzen (der Zugang wurde abgelehnt). Ein Server-Admin muss die Einrichtung prüfen.',
    settingsNotAllowed: 'Diese Einstellungen sind nicht erlaubt ({{field}}).',
    notFound:
      'Percify konnte nicht finden, was dafür nötig ist (vielleicht wurde es gelöscht). Versuch es mit etwas anderem.',
    videoLength:
      'Percify hat einen Clip von {{seconds}} Sekunden abgelehnt: {{tier}}-Videos sind {{min}} bis {{max}} Sekunden lang.',
    videoSettingsNotAllowed: 'Diese Videoeinstellungen sind nicht erlaubt ({{field}}).',
    photoGone:
      'Dein Foto ließ sich nicht mehr von Discord laden. Führ `/avatar photo:` mit dem Bild noch einmal aus.',
    photoChanged:
      'Dein Foto lässt sich nicht mehr verwenden: Es ist kein Bild mehr, das Percify annimmt. Führ `/avatar photo:` mit dem Bild noch einmal aus.',
    photoRefused:
      'Percify konnte dieses Foto nicht verwenden. Probier ein klares, gut beleuchtetes Foto von vorn mit einem einzigen Gesicht.',
    undeliverable: 'Das Ergebnis konnte hier nicht gepostet werden.',
    timedOut: 'Percify ist damit nicht rechtzeitig fertig geworden.',
    submitGaveUp: 'Percify war eine Weile nicht erreichbar.',
    waitedTooLong:
      'Der Auftrag hat zu lange auf einen freien Platz gewartet: Der Bot ist gerade sehr beschäftigt.',
  },
  delivery: {
    lateNote:
      '🎁 Das ist doch noch fertig geworden, nachdem wir es schon aufgegeben hatten, also ist es gratis.',
    ready: 'dein Ergebnis ist fertig.',
  },
  jobs: {
    unknown:
      'Dieses Ergebnis gibt es nicht mehr. Führ den Befehl noch einmal aus, um ein neues zu erstellen.',
    notOwner: 'Das ist das Ergebnis von jemand anderem. Erstell dein eigenes mit `/avatar`!',
  },
  policy: {
    channel: {
      avatar:
        'Avatare werden auf diesem Server in {{where}} erstellt. Versuch es dort! Es wurde nichts abgebucht.',
      video:
        'Videos werden auf diesem Server in {{where}} erstellt. Versuch es dort! Es wurde nichts abgebucht.',
      voice:
        'Stimmen werden auf diesem Server in {{where}} erstellt. Versuch es dort! Es wurde nichts abgebucht.',
    },
    blocked: {
      voiceName:
        'Der Name deiner Stimme enthält „{{phrase}}“, und das ist auf diesem Server nicht erlaubt. Formulier ihn um und versuch es noch einmal; es wurde nichts abgebucht.',
      prompt:
        'Dein Prompt enthält „{{phrase}}“, und das ist auf diesem Server nicht erlaubt. Formulier ihn um und versuch es noch einmal; es wurde nichts abgebucht.',
      negativePrompt:
        'Dein negativer Prompt enthält „{{phrase}}“, und das ist auf diesem Server nicht erlaubt. Formulier ihn um und versuch es noch einmal; es wurde nichts abgebucht.',
      spokenLine:
        'Dein gesprochener Satz enthält „{{phrase}}“, und das ist auf diesem Server nicht erlaubt. Formulier ihn um und versuch es noch einmal; es wurde nichts abgebucht.',
      avatarPrompt:
        'Der Prompt dieses Avatars enthält „{{phrase}}“, und das ist auf diesem Server nicht erlaubt. Formulier ihn um und versuch es noch einmal; es wurde nichts abgebucht.',
    },
    voiceNotYours:
      'Diese Stimme kannst du nicht verwenden. Wähl eine deiner eigenen oder eine Vorlage aus der Liste.',
    modelOff:
      'Das Modell {{model}} ist auf diesem Server ausgeschaltet. Du kannst diese nutzen: {{allowed}}.',
    tooManyVariations_one:
      'Dieser Server erlaubt höchstens {{count, number}} Variante auf einmal. Wähl weniger.',
    tooManyVariations_other:
      'Dieser Server erlaubt höchstens {{count, number}} Varianten auf einmal. Wähl weniger.',
    featureOff: {
      photoAvatars:
        'Avatare aus Fotos sind auf diesem Server ausgeschaltet. `/avatar` mit einem Prompt funktioniert weiterhin.',
      voiceCloning:
        'Stimmen klonen ist auf diesem Server ausgeschaltet. Die Vorlagestimmen funktionieren in `/animate` weiterhin.',
    },
    tierOff: 'Die Stufe {{tier}} ist auf diesem Server ausgeschaltet. Probier `tier:{{example}}`.',
    durationLimit: 'Dieser Server erlaubt Videos bis {{seconds, number}} Sekunden. Wähl eine kürzere Länge.',
  },
  afford: {
    notEnough:
      '💳 Nicht genug Credits: Das kostet **{{price}}** und {{have}}. {{instead}} {{resets}} Es wurde nichts abgebucht.',
    haveOwn: 'du hast {{amount}}',
    haveBudgetDay: 'im Tagesbudget des Servers sind noch {{amount}} übrig',
    haveBudgetMonth: 'im Monatsbudget des Servers sind noch {{amount}} übrig',
    fits: 'Damit könntest du {{fits}} erstellen.',
    nothingFits: 'Etwas Kleineres passt gerade nicht.',
    budgetResets: 'Das Budget erneuert sich {{when}}.',
    allowanceResets: 'Dein Kontingent erneuert sich {{when}}.',
    images_one: 'ein {{model}}-Bild ({{cost}})',
    images_other: '{{count, number}} {{model}}-Bilder ({{cost}})',
    video: 'ein {{tier}}-Video von {{seconds, number}} s ({{cost}})',
    videoWithLine: 'ein {{tier}}-Video von {{seconds, number}} s mit dem Satz ({{cost}})',
  },
  help: {
    title: '✨ Percify-Avatare & -Videos',
    description:
      'Erstelle mit `/avatar` KI-Avatare aus einem Prompt und erweck einen davon als kurzes Video zum Leben, wenn du willst mit einem gesprochenen, lippensynchronen Satz. Die Preise sind in Server-Credits, genau wie Percify-Credits; ein fehlgeschlagener Auftrag kostet nichts.',
    fields: {
      commands: 'Befehle',
      avatars: 'Avatare',
      videos: 'Videos',
      voice: 'Stimme',
      balance: 'Dein Guthaben',
      more: 'Mehr Credits bekommen',
    },
    noCommands: 'Noch keine.',
    forAdmins: '**Für Admins:** {{commands}}',
    models: { flux: 'Schnell', imagen3: 'Hohe Qualität', reality4: 'Ultrarealistisch' },
    avatarPrice: '**{{model}}** · {{label}}: {{price}} pro Bild',
    offHere: '~~{{line}}~~ · auf diesem Server aus',
    maxVariations: 'Bis zu {{count, number}} pro /avatar',
    videoPrice: '{{base}} bis {{included, number}} s, danach +{{perSecond, number}} pro Sekunde',
    tierName: '**{{tier}}**: {{price}}',
    tierDetails: '{{min, number}}–{{max, number}} s · {{resolution}}, {{fps}} fps',
    voicePrice:
      '**Gesprochener Satz** (lippensynchron): {{base}} + {{perSecond, number}} pro Sekunde Sprache',
    photoPrice: '**Aus deinem Foto** (`/avatar photo:`): {{price}}',
    clonePrice: '**Deine eigene Stimme** (`/voice clone`): {{price}} einmal pro Stimme',
    spendNow: '**{{amount}}** jetzt verfügbar',
    allowanceLeft: '{{left, number}} von {{allowance, number}} aus dem heutigen Kontingent übrig',
    granted: '{{count, number}} geschenkt',
    held: '{{count, number}} für laufende Aufträge vorgemerkt',
    details: '({{details}})',
    separator: ', ',
    budgetDay: 'Server-Budget: {{left, number}} von {{total, number}} heute übrig, erneuert sich {{when}}',
    budgetMonth:
      'Server-Budget: {{left, number}} von {{total, number}} in diesem Monat übrig, erneuert sich {{when}}',
    allowanceRefills: 'Dein Tageskontingent von {{amount}} füllt sich {{when}} wieder auf.',
    roles: 'Manche Rollen bekommen jeden Tag mehr: {{roles}}.',
    askAdmin: 'Brauchst du heute mehr? Frag einen Server-Admin: Admins können dir Credits schenken.',
  },
} as const;
