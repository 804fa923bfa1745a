import { MODEL_INFO, TIER_SPECS } from '../../../percify-catalog.js';
import type { CommandTranslations } from './types.js';

const member = { name: 'mitglied', description: 'Wessen Credits' };
const reason = { name: 'grund', description: 'Warum (steht im Audit-Log)' };
const channel = { name: 'kanal', description: 'Ein Textkanal' };
const phrase = { name: 'begriff', description: 'Ein Wort oder eine Wendung' };

export const de: CommandTranslations = {
  avatar: {
    description: 'Erstelle KI-Avatare aus einer Beschreibung oder einem Foto von dir',
    options: {
      prompt: {
        name: 'beschreibung',
        description: 'Wie der Avatar aussieht (leer lassen, um eine lange Beschreibung im Formular zu schreiben)',
      },
      photo: { name: 'foto', description: 'Ein Foto von dir (PNG, JPEG oder WebP), das zum Avatar wird, 10 Credits' },
      model: {
        name: 'modell',
        description: 'Welches Percify-Modell ihn zeichnet',
        choices: {
          flux: `flux — schnell, ${MODEL_INFO.flux.credits} Credits`,
          imagen3: `imagen3 — hohe Qualität, ${MODEL_INFO.imagen3.credits} Credits`,
          reality4: `reality4 — ultrarealistisch, ${MODEL_INFO.reality4.credits} Credits`,
        },
      },
      style: {
        name: 'stil',
        description: 'Eine Stilvorlage',
        choices: {
          professional: 'professionell',
          anime: 'Anime',
          fantasy: 'Fantasy',
          cyberpunk: 'Cyberpunk',
          renaissance: 'Renaissance',
          realistic: 'realistisch',
        },
      },
      aspect_ratio: { name: 'seitenverhältnis', description: 'Bildformat (Standard 1:1)' },
      negative_prompt: { name: 'ausschließen', description: 'Was nicht im Bild sein soll' },
      guidance: {
        name: 'genauigkeit',
        description: 'Wie genau die Beschreibung befolgt wird, 1–20 (7–15 klappt am besten)',
      },
      seed: { name: 'seed', description: 'Einen Seed wiederverwenden, um ein Ergebnis nachzubauen (leer: zufällig)' },
      variations: {
        name: 'varianten',
        description: 'Wie viele Bilder, jedes wird berechnet (/help zeigt das Maximum dieses Servers)',
      },
    },
  },
  animate: {
    description: 'Mach aus einem deiner Avatare ein kurzes Video',
    options: {
      avatar: { name: 'avatar', description: 'Welcher Avatar (tipp seine Beschreibung oder ID ein)' },
      duration: { name: 'dauer', description: 'Länge in Sekunden, ab 3 (/help zeigt das Maximum dieses Servers)' },
      tier: {
        name: 'stufe',
        description: 'Video-Studio-Stufe (Standard basic)',
        choices: {
          basic: `basic — ${TIER_SPECS.basic.resolution}, 30 fps`,
          'reality-lab': `reality-lab — ${TIER_SPECS['reality-lab'].resolution}, 30/60 fps`,
        },
      },
      motion: {
        name: 'bewegung',
        description: 'Wie viel sich der Avatar bewegt (Standard moderat)',
        choices: {
          subtle: 'dezent — Atmen, sanftes Blinzeln',
          moderate: 'moderat — natürliche Kopfbewegungen',
          dynamic: 'dynamisch — volle Bandbreite, dramatisch',
        },
      },
      fps: { name: 'fps', description: 'Bilder pro Sekunde (60 nur mit reality-lab)', choices: { 60: '60 (reality-lab)' } },
      format: {
        name: 'dateiformat',
        description: 'Dateiformat (Standard mp4)',
        choices: { mov: 'mov (reality-lab)' },
      },
      speech: { name: 'sprechtext', description: 'Ein Satz, den der Avatar lippensynchron sagt' },
      voice: { name: 'stimme', description: 'Die Stimme für den Satz' },
      language: { name: 'sprache', description: 'Die Sprache des Satzes (Standard: deine)' },
    },
  },
  voice: {
    description: 'Klone deine eigene Stimme für deine Videos, zeig oder lösch deine Stimmen',
    options: {
      clone: {
        description: 'Klone deine Stimme aus einer Aufnahme (15 s bis 5 min), einmalig 5 Credits',
        options: {
          sample: {
            name: 'aufnahme',
            description: 'Eine Aufnahme deiner eigenen Stimme: WAV, MP3, FLAC oder M4A, 15 s bis 5 min',
          },
          name: { name: 'name', description: 'Wie diese Stimme in deinen Listen heißen soll' },
        },
      },
      list: { description: 'Zeig die Stimmen, die du geklont hast' },
      delete: {
        description: 'Lösch eine deiner Stimmen, hier und bei Percify',
        options: { voice: { name: 'stimme', description: 'Welche deiner Stimmen' } },
      },
    },
  },
  gallery: {
    description: 'Deine letzten Avatare und Videos, mit ihren IDs für /animate',
    options: { member: { name: 'mitglied', description: 'Die Galerie eines anderen Mitglieds (braucht Server verwalten)' } },
  },
  credits: {
    description: 'Sieh nach, wie viele Credits du ausgeben kannst, und deine letzten Abbuchungen',
    options: { member: { name: 'mitglied', description: 'Admins: die Credits eines anderen Mitglieds ansehen' } },
  },
  quota: {
    description: 'Credit-Kontingente, Budget und Limits dieses Servers festlegen (Admins)',
    options: {
      view: { description: 'Die ganze Kontingent-Einstellung dieses Servers zeigen' },
      allowance: {
        description: 'Die täglichen Credits für jedes Mitglied festlegen',
        options: { credits: { name: 'credits', description: 'Credits pro Mitglied und Tag' } },
      },
      role: {
        description: 'Einer Rolle ein eigenes Tageskontingent geben (0 entfernt es)',
        options: {
          role: { name: 'rolle', description: 'Die Rolle' },
          credits: { name: 'credits', description: 'Credits pro Tag für Mitglieder mit dieser Rolle (0 entfernt es)' },
        },
      },
      budget: {
        description: 'Begrenzen, was der ganze Server pro Tag oder Monat ausgibt (0 hebt die Grenze auf)',
        options: {
          credits: { name: 'credits', description: 'Credits, die der ganze Server pro Zeitraum ausgeben darf (0 hebt es auf)' },
          period: {
            name: 'zeitraum',
            description: 'Pro Tag oder pro Monat (Standard: wie bisher, sonst Tag)',
            choices: { day: 'Tag', month: 'Monat' },
          },
          show: { name: 'anzeigen', description: 'In /credits zeigen, was vom Budget übrig ist' },
        },
      },
      limits: {
        description: 'Aufträge, Varianten, Videolänge, Modelle und Stufen begrenzen',
        options: {
          concurrent_jobs: { name: 'gleichzeitige_aufträge', description: 'Wie viele Aufträge ein Mitglied gleichzeitig haben darf' },
          max_variations: { name: 'max_varianten', description: 'Höchstens so viele Bilder pro /avatar' },
          max_video_seconds: { name: 'max_videosekunden', description: 'Längstes Video in Sekunden' },
          models: {
            name: 'modelle',
            description: 'Erlaubte Avatar-Modelle, durch Kommas getrennt: flux, imagen3, reality4 (oder "all")',
          },
          default_model: { name: 'standardmodell', description: 'Das Modell, wenn ein Mitglied keins wählt' },
          tiers: {
            name: 'stufen',
            description: 'Erlaubte Videostufen',
            choices: {
              'basic,reality-lab': 'basic und reality-lab',
              basic: 'nur basic',
              'reality-lab': 'nur reality-lab',
            },
          },
          confirm_above: { name: 'bestätigen_ab', description: 'Bei Aufträgen über diesem Preis um eine Bestätigung bitten' },
        },
      },
      grant: {
        description: 'Einem Mitglied Credits schenken, die bleiben, bis sie ausgegeben sind',
        options: { member, credits: { name: 'credits', description: 'Wie viele Credits du schenkst' }, reason },
      },
      revoke: {
        description: 'Einem Mitglied geschenkte Credits wieder wegnehmen',
        options: { member, credits: { name: 'credits', description: 'Wie viele geschenkte Credits du wegnimmst' }, reason },
      },
      channels: {
        description: 'Wo Erstell-Befehle funktionieren (leere Liste: überall)',
        options: {
          add: { description: 'Einen Kanal erlauben', options: { channel } },
          remove: { description: 'Einen Kanal nicht mehr erlauben', options: { channel } },
          clear: { description: 'Wieder alle Kanäle erlauben' },
        },
      },
      blocklist: {
        description: 'Wörter und Wendungen, die in Beschreibungen abgelehnt werden, bevor etwas ausgegeben wird',
        options: {
          add: { description: 'Ein Wort oder eine Wendung sperren', options: { phrase } },
          remove: { description: 'Ein Wort oder eine Wendung freigeben', options: { phrase } },
          list: { description: 'Die gesperrten Wörter und Wendungen zeigen' },
        },
      },
      alerts: {
        description: 'Wählen, wo der Bot Admins warnt (ohne Kanal: keine Warnungen mehr)',
        options: { channel: { name: 'kanal', description: 'Ein Textkanal für Warnungen' } },
      },
      features: {
        description: 'Foto-Avatare und Stimmklone ein- oder ausschalten (ohne Angabe: anzeigen)',
        options: {
          photo_avatars: { name: 'foto_avatare', description: 'Avatare aus Fotos der Mitglieder (/avatar photo:)' },
          voice_cloning: { name: 'stimmklone', description: 'Mitglieder klonen ihre eigene Stimme (/voice clone)' },
        },
      },
      usage: {
        description: 'Ausgegebene Credits, Top-Mitglieder, Modelle und Stufen, mit Diagramm',
        options: {
          period: {
            name: 'zeitraum',
            description: 'Wie weit zurück (Standard: Woche)',
            choices: { day: 'heute', week: 'letzte 7 Tage', month: 'letzte 30 Tage' },
          },
          compare: { name: 'vergleichen', description: 'Jeden Auftrag auch mit Percifys Credit-Verlauf vergleichen' },
        },
      },
    },
  },
  help: { description: 'Was dieser Bot kann, was es kostet, und deine Credits' },
};
