import type { Catalog } from '../catalog-types.js';
import { avatar } from './avatar/de.js';
import { animate } from './animate/de.js';
import { quota } from './quota/de.js';
import { guide } from './guide/de.js';

export const de = {
  units: {
    credits_one: '{{count, number}} Credit',
    credits_other: '{{count, number}} Credits',
    seconds: '{{count, number}} s',
  },
  errors: {
    internal:
      '😵 Bei uns ist etwas schiefgelaufen. Es wurde nichts abgebucht. Versuch es gleich noch einmal (Ref. `{{reference}}`).',
    draining: '🔄 Der Bot startet gerade neu. Versuch es gleich noch einmal.',
    guildOnly: 'Dieser Bot funktioniert nur auf einem Server: Credits gehören zu einem Server.',
    unknownCommand: 'Diesen Befehl gibt es nicht mehr. Mit `/help` siehst du, was es gibt.',
    staleComponent: 'Dieser Button ist nicht mehr aktiv. Führ den Befehl noch einmal aus.',
    optionRequired: '`{{option}}` fehlt noch.',
    optionNotAChoice: '`{{option}}` muss eins davon sein: {{allowed}}.',
    unknownSubcommand: 'Diesen Unterbefehl von `/{{command}}` gibt es nicht mehr.',
  },
  credits: {
    titleOwn: '💳 Deine Credits',
    titleOther: '💳 Credits',
    spendableOwn: 'Du kannst jetzt **{{amount}}** ausgeben.',
    spendableOther: '<@{{member}}> kann jetzt **{{amount}}** ausgeben.',
    allowance: 'Heutiges Kontingent',
    allowanceValue:
      '{{left, number}} von {{allowance}} übrig · {{spent, number}} ausgegeben · {{reserved, number}} reserviert',
    granted: 'Geschenkt',
    grantedValue: '{{amount}} (bleiben, bis sie ausgegeben sind)',
    resets: 'Kontingent erneuert sich',
    budgetDay: 'Tagesbudget des Servers',
    budgetMonth: 'Monatsbudget des Servers',
    budgetValue: '{{left, number}} von {{total}} übrig · erneuert sich {{when}}',
    recent: 'Letzte Abbuchungen und Erstattungen',
    recentNone: 'Noch nichts. Probier `/avatar` aus!',
    notAdmin:
      '🔒 Nur Mitglieder mit **Server verwalten** sehen die Credits anderer. Führ `/credits` ohne Mitglied aus, um deine zu sehen.',
    notMember: '<@{{member}}> ist nicht auf diesem Server.',
  },
  entries: {
    capture: '**−{{amount, number}}** · {{what}} · {{when}}',
    release: '**+{{amount, number}}** erstattet · {{reason}} · {{when}}',
    grant: '**+{{amount, number}}** geschenkt · {{reason}} · {{when}}',
    revoke: '**−{{amount, number}}** zurückgenommen · {{reason}} · {{when}}',
    reserve: '**{{amount, number}}** für einen laufenden Auftrag vorgemerkt · {{when}}',
    topup: '{{amount}} über dem angezeigten Preis, vom Server bezahlt · {{when}}',
    settings: 'Ein Admin hat die Server-Einstellungen geändert · {{when}}',
  },
  made: {
    avatars_one: '{{count, number}} Avatar',
    avatars_other: '{{count, number}} Avatare',
    modelAvatars_one: '{{count, number}} {{model}}-Avatar',
    modelAvatars_other: '{{count, number}} {{model}}-Avatare',
    video: 'Video',
    tierVideo: '{{tier}}-Video',
    timedVideo: 'Video, {{length}}',
    timedTierVideo: '{{tier}}-Video, {{length}}',
    audio: 'gesprochener Satz',
    other: 'ein Auftrag',
  },
  refunds: {
    tookTooLong: 'Percify hat zu lange gebraucht',
    undeliverable: 'das Ergebnis konnte nicht gepostet werden',
    unreachable: 'Percify war nicht erreichbar',
    busy: 'Percify war zu ausgelastet',
    contentPolicy: 'Percifys Inhaltsrichtlinie hat den Prompt abgelehnt',
    outOfCredits: 'dem Percify-Konto des Servers sind die Credits ausgegangen',
    planLimit: 'der Percify-Tarif des Servers hat sein Limit erreicht',
    signIn: 'der Bot konnte sich nicht bei Percify anmelden',
    failed: 'Percify konnte es nicht erstellen',
    badImage: 'Percify konnte das Bild des Avatars nicht lesen',
    avatarUnfinished: 'der Avatar war noch nicht fertig',
    badLength: 'diese Länge gibt es nicht',
    voiceGone: 'die Stimme gibt es nicht mehr',
    lineTooLong: 'der gesprochene Satz war zu lang',
    language: 'diese Sprache kann noch nicht gesprochen werden',
    restarted: 'der Bot wurde neu gestartet, bevor der Auftrag begann',
    tooSlowToAnswer: 'der Bot konnte nicht rechtzeitig antworten',
    avatarGone: 'den Avatar gibt es nicht mehr',
    other: 'der Auftrag wurde nicht fertig',
  },
  language: {
    unknown: 'Die Sprache „{{typed}}“ kenne ich nicht. Wähl beim Tippen eine aus der Liste.',
  },
  video: {
    gone: 'Dieses Video gibt es nicht mehr. Mit `/animate` machst du ein neues.',
  },
  voiceModal: {
    title: 'Stimme hinzufügen',
    line: 'Was soll der Avatar sagen?',
    voice: 'Stimme',
    narrator: 'Erzähler',
    language: 'Sprache des Satzes',
  },
  avatar,
  animate,
  quota,
  guide,
} as const satisfies Catalog;
