/** The `quota` group in de: see ../../README.md for who owns which area. */
export const quota = {
  auditFooter: 'Im Audit-Log festgehalten.',
  none: 'Keine',
  access: {
    notAdmin: '🔒 `/quota` ist für Server-Admins: Dafür brauchst du die Berechtigung **Server verwalten**.',
    wholeNumber:
      '`{{option}}` muss eine ganze Zahl von {{min, number}} bis {{max, number}} sein; du hast {{value}} angegeben.',
    textLength: '`{{option}}` muss 1 bis {{max, number}} Zeichen lang sein.',
  },
  alertsChannel: {
    onTitle: '🔔 Warnungen an',
    on: 'Ich poste in <#{{channel}}>, wenn Percify die Credits ausgehen oder Percify nicht erreichbar ist, wenn das Budget dieses Servers fast aufgebraucht ist und wenn meine Abrechnung von der von Percify abweicht.',
    offTitle: '🔕 Warnungen aus',
    off: 'Ich poste keine Warnungen mehr. Wähl wieder einen Kanal, um sie einzuschalten.',
  },
  alerts: {
    outOfCreditsTitle: '⚠️ Percify hat keine Credits mehr',
    outOfCredits:
      'Das Percify-Konto des Bots hat keine Credits mehr, deshalb schlagen neue Avatare und Videos fehl (Mitglieder bekommen ihre Credits zurück). Lade das Percify-Konto auf, um das zu beheben.',
    creditsLowTitle: '⚠️ Die Percify-Credits werden knapp',
    creditsLow:
      'Das Percify-Konto des Bots hat noch **{{balance, number}}** Credits (Warnschwelle {{threshold, number}}). Lade es auf, bevor Aufträge fehlschlagen.',
    budgetTitle: '⚠️ Das Budget dieses Servers ist fast aufgebraucht',
    budgetDay:
      '**{{used, number}}** des Tagesbudgets von {{budget, number}} Credits sind ausgegeben oder vorgemerkt; es erneuert sich {{when}}. Erhöhe es mit `/quota budget`.',
    budgetMonth:
      '**{{used, number}}** des Monatsbudgets von {{budget, number}} Credits sind ausgegeben oder vorgemerkt; es erneuert sich {{when}}. Erhöhe es mit `/quota budget`.',
    unreachableTitle: '⚠️ Percify ist nicht erreichbar',
    unreachable:
      'Der Bot erreicht Percify seit etwa {{minutes, number}} Min. nicht. Aufträge warten und versuchen es erneut; dauert es an, bekommen Mitglieder ihre Credits zurück.',
    booksDifferTitle: '⚠️ Die Abrechnung des Bots weicht von der von Percify ab',
    booksDiffer:
      'In den letzten 24 Stunden haben Mitglieder **{{paid, number}}** Credits bezahlt und Percify hat für dieselben Aufträge **{{charged, number}}** berechnet ({{difference}}). Abweichende Aufträge: {{jobs}}. `/quota usage compare:True` zeigt die Details.',
    differingJob: '`{{job}}` ({{paid, number}} statt {{charged, number}})',
  },
  books: {
    title: 'Percifys Abrechnung',
    unreadable: 'Percifys Credit-Verlauf ist gerade nicht lesbar. Versuch es gleich noch einmal.',
    differingJob:
      '`{{job}}` <@{{member}}> {{kind}}: bezahlt {{paid, number}}, von Percify berechnet {{charged, number}}',
    more: '…und {{count, number}} weitere',
    allMatch_one: 'Der {{count, number}} abgeschlossene Auftrag stimmt mit Percifys Credit-Verlauf überein.',
    allMatch_other:
      'Alle {{count, number}} abgeschlossenen Aufträge stimmen mit Percifys Credit-Verlauf überein.',
    differ_one: '{{count, number}} von {{compared, number}} abgeschlossenen Aufträgen weicht ab:\n{{lines}}',
    differ_other:
      '{{count, number}} von {{compared, number}} abgeschlossenen Aufträgen weichen ab:\n{{lines}}',
    membersPaid: 'Von Mitgliedern bezahlt',
    percifyCharged: 'Von Percify berechnet',
    difference: 'Differenz',
    kinds: {
      avatar: 'Avatar',
      video: 'Video',
      audio: 'gesprochener Satz',
      other: 'Auftrag',
    },
  },
  grants: {
    botsHaveNone: 'Bots haben keine Credits.',
    grantedBy: 'geschenkt von {{admin}}',
    revokedBy: 'zurückgenommen von {{admin}}',
    grantedTitle: '✅ Credits geschenkt',
    granted:
      '<@{{member}}> hat **{{amount}}** bekommen. Geschenktes Guthaben: {{before, number}} → {{after}}.',
    reason: 'Grund',
    revokedTitle: '✅ Credits zurückgenommen',
    nothingTitle: 'Nichts zurückzunehmen',
    revoked_one: '{{count, number}} geschenkter Credit zurückgenommen.',
    revoked_other: '{{count, number}} geschenkte Credits zurückgenommen.',
    partly_one:
      'Nur {{revoked, number}} von {{count, number}} Credit konnten zurückgenommen werden: Mehr geschenktes Guthaben hatte das Mitglied nicht.',
    partly_other:
      'Nur {{revoked, number}} von {{count, number}} Credits konnten zurückgenommen werden: Mehr geschenktes Guthaben hatte das Mitglied nicht.',
    balance: 'Geschenktes Guthaben von <@{{member}}>: {{before, number}} → {{after}}.',
  },
  limits: {
    model: 'Das Modell {{model}} ist auf diesem Server ausgeschaltet. Erlaubt: {{allowed}}.',
    tier: 'Die Stufe {{tier}} ist auf diesem Server ausgeschaltet. Erlaubt: {{allowed}}.',
    variations_one: 'Dieser Server erlaubt höchstens {{count, number}} Variante pro Anfrage.',
    variations_other: 'Dieser Server erlaubt höchstens {{count, number}} Varianten pro Anfrage.',
    duration_one: 'Dieser Server erlaubt Videos von höchstens {{count, number}} Sekunde.',
    duration_other: 'Dieser Server erlaubt Videos von höchstens {{count, number}} Sekunden.',
    concurrency_one:
      'Bei dir läuft schon {{count, number}} Auftrag; das Limit ist {{limit, number}}. Versuch es noch einmal, wenn einer fertig ist.',
    concurrency_other:
      'Bei dir laufen schon {{count, number}} Aufträge; das Limit ist {{limit, number}}. Versuch es noch einmal, wenn einer fertig ist.',
    allowance_one: 'Das kostet {{count, number}} Credit und du hast heute noch {{left, number}} übrig.',
    allowance_other: 'Das kostet {{count, number}} Credits und du hast heute noch {{left, number}} übrig.',
    budgetDay_one:
      'Das kostet {{count, number}} Credit und vom Tagesbudget des Servers sind noch {{left, number}} übrig.',
    budgetDay_other:
      'Das kostet {{count, number}} Credits und vom Tagesbudget des Servers sind noch {{left, number}} übrig.',
    budgetMonth_one:
      'Das kostet {{count, number}} Credit und vom Monatsbudget des Servers sind noch {{left, number}} übrig.',
    budgetMonth_other:
      'Das kostet {{count, number}} Credits und vom Monatsbudget des Servers sind noch {{left, number}} übrig.',
    nothingCharged: '{{detail}} Es wurde nichts abgebucht.',
  },
  features: {
    title: 'Funktionen',
    updatedTitle: 'Funktionen geändert',
    photoAvatars: '📸 Foto-Avatare (`/avatar photo:`)',
    voiceCloning: '🎙 Stimmen klonen (`/voice clone`)',
    on: '**an**',
    off: '**aus**',
    wasOn: 'vorher an',
    wasOff: 'vorher aus',
    line: '{{feature}}: {{state}}',
    lineChanged: '{{feature}}: {{state}} ({{was}})',
    footnote:
      'Für beide gelten wie für jeden Auftrag die Kanalliste, die Sperrliste, die Limits und die Credits.',
  },
  settings: {
    viewTitle: '⚙️ Server-Kontingent',
    viewHint: 'Ändern kannst du all das mit den anderen Unterbefehlen von `/quota`.',
    blocklistTitle: '🚫 Sperrliste',
    noChangeTitle: 'Keine Änderung: {{subject}}',
    noChange: 'Das ist schon so eingestellt.',
    updatedTitle: '✅ Geändert: {{subject}}',
    fields: {
      dailyAllowance: 'Tageskontingent',
      roleAllowances: 'Kontingente nach Rolle',
      budget: 'Server-Budget',
      jobsAtATime: 'Aufträge gleichzeitig',
      variations: 'Varianten',
      videoLength: 'Videolänge',
      models: 'Modelle',
      videoTiers: 'Videostufen',
      confirmAbove: 'Bestätigung ab',
      channels: 'Kanäle',
      blocklist: 'Sperrliste',
      dayStarts: 'Tagesbeginn',
    },
    values: {
      perMember: '{{amount}} pro Mitglied',
      roleAllowance: '<@&{{role}}>: {{amount}} pro Tag',
      budgetDay: '{{amount}} pro Tag · {{visibility}}',
      budgetMonth: '{{amount}} pro Monat · {{visibility}}',
      shown: 'für Mitglieder sichtbar',
      hidden: 'für Mitglieder verborgen',
      jobsPerMember: '{{count, number}} pro Mitglied',
      variations: 'bis zu {{count, number}} pro Anfrage',
      videoLength: 'bis zu {{length}}',
      models: '{{models}} (Standard {{model}})',
      confirmAbove: 'Aufträge, die mehr als {{amount}} kosten',
      everywhere: 'Überall',
      empty: 'Leer',
      dayStarts: '00:00 UTC{{offset}}',
    },
    subjects: {
      allowance: 'Tageskontingent',
      role: 'Kontingent für {{role}}',
      budget: 'Server-Budget',
      limits: 'Limits',
      channels: 'Kanäle',
      blocklist: 'Sperrliste',
    },
    refusals: {
      everyone: 'Jeder hat @everyone: Nimm `/quota allowance` für das Standardkontingent.',
      unknownModels_one:
        'Unbekanntes Modell: {{names}}. Wähl aus {{models}} (mit Kommas getrennt) oder `all`.',
      unknownModels_other:
        'Unbekannte Modelle: {{names}}. Wähl aus {{models}} (mit Kommas getrennt) oder `all`.',
      noModel: 'Nenn mindestens ein Modell.',
      tiers: 'Die Videostufen sind {{tiers}}.',
      nothingToChange: 'Wähl mindestens ein Limit, das du ändern willst. `/quota view` zeigt alle.',
      defaultNotAllowed: 'Das Standardmodell muss auch erlaubt sein: {{model}} ist nicht in {{models}}.',
      tooManyChannels: 'Es können höchstens {{max, number}} Kanäle auf der Liste stehen.',
      channelNotListed: '<#{{channel}}> steht nicht auf der Liste. `/quota view` zeigt sie.',
      blocklistFull: 'Die Sperrliste fasst höchstens {{max, number}} Begriffe.',
      phraseNotListed: '„{{phrase}}“ steht nicht auf der Sperrliste.',
      invalid: 'Diese Einstellungen sind ungültig: {{problems}}',
    },
    problems: {
      noModel: 'mindestens ein Modell muss erlaubt bleiben',
      noTier: 'mindestens eine Stufe muss erlaubt bleiben',
      defaultModel: 'das Standardmodell muss eines der erlaubten Modelle sein',
      field: '{{field}} ist ungültig',
    },
  },
  usage: {
    title: '📊 Nutzung · {{period}}',
    chartTitle: 'Credits pro Tag · {{period}}',
    periods: { day: 'Heute', week: 'Letzte 7 Tage', month: 'Letzte 30 Tage' },
    chartPeriods: { day: 'heute', week: 'letzte 7 Tage', month: 'letzte 30 Tage' },
    summary: '**{{charged}}** abgebucht für {{jobs}} · {{refunds}} ({{refunded}} zurückgegeben)',
    absorbed: '{{amount}} über den Schätzungen, vom Bot bezahlt',
    jobs_one: '{{count, number}} Auftrag',
    jobs_other: '{{count, number}} Aufträge',
    refunds_one: '{{count, number}} Erstattung',
    refunds_other: '{{count, number}} Erstattungen',
    photoAvatars_one: '{{count, number}} Foto-Avatar',
    photoAvatars_other: '{{count, number}} Foto-Avatare',
    voiceClones_one: '{{count, number}} geklonte Stimme',
    voiceClones_other: '{{count, number}} geklonte Stimmen',
    topMembers: 'Aktivste Mitglieder',
    byModel: 'Nach Modell',
    byTier: 'Nach Videostufe',
    likeness: 'Bild und Stimme von Mitgliedern',
  },
} as const;
