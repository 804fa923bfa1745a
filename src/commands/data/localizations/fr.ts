import { MODEL_INFO, TIER_SPECS } from '../../../percify-catalog.js';
import type { CommandTranslations } from './types.js';

const member = { name: 'membre', description: 'Les crédits de qui' };
const reason = { name: 'raison', description: 'Pourquoi (gardé dans le journal d’audit)' };
const channel = { name: 'salon', description: 'Un salon textuel' };
const phrase = { name: 'expression', description: 'Un mot ou une expression' };

export const fr: CommandTranslations = {
  avatar: {
    description: 'Crée des avatars IA à partir d’un prompt ou d’une photo de toi',
    options: {
      prompt: {
        name: 'prompt',
        description: 'À quoi ressemble l’avatar (laisse vide pour écrire un long prompt dans un formulaire)',
      },
      photo: { name: 'photo', description: 'Une photo de toi (PNG, JPEG ou WebP) à transformer en avatar, 10 crédits' },
      model: {
        name: 'modèle',
        description: 'Quel modèle Percify le dessine',
        choices: {
          flux: `flux — rapide, ${MODEL_INFO.flux.credits} crédits`,
          imagen3: `imagen3 — haute qualité, ${MODEL_INFO.imagen3.credits} crédits`,
          reality4: `reality4 — ultra réaliste, ${MODEL_INFO.reality4.credits} crédits`,
        },
      },
      style: {
        name: 'style',
        description: 'Un style prédéfini',
        choices: {
          professional: 'professionnel',
          anime: 'anime',
          fantasy: 'fantasy',
          cyberpunk: 'cyberpunk',
          renaissance: 'Renaissance',
          realistic: 'réaliste',
        },
      },
      aspect_ratio: { name: 'proportions', description: 'Forme de l’image (par défaut 1:1)' },
      negative_prompt: { name: 'exclure', description: 'Ce qu’il ne faut pas mettre dans l’image' },
      guidance: {
        name: 'fidélité',
        description: 'À quel point suivre le prompt, 1–20 (7–15 marche le mieux)',
      },
      seed: { name: 'graine', description: 'Réutilise une graine pour refaire un résultat (aléatoire si vide)' },
      variations: {
        name: 'variantes',
        description: 'Combien d’images, chacune facturée (/help montre le maximum de ce serveur)',
      },
    },
  },
  animate: {
    description: 'Transforme un de tes avatars en courte vidéo',
    options: {
      avatar: { name: 'avatar', description: 'Quel avatar (tape son prompt ou son id)' },
      duration: { name: 'durée', description: 'Durée en secondes, à partir de 3 (/help montre le maximum de ce serveur)' },
      tier: {
        name: 'niveau',
        description: 'Niveau Video Studio (par défaut basic)',
        choices: {
          basic: `basic — ${TIER_SPECS.basic.resolution}, 30 ips`,
          'reality-lab': `reality-lab — ${TIER_SPECS['reality-lab'].resolution}, 30/60 ips`,
        },
      },
      motion: {
        name: 'mouvement',
        description: 'À quel point l’avatar bouge (par défaut modéré)',
        choices: {
          subtle: 'subtil — respiration, clignements doux',
          moderate: 'modéré — mouvements de tête naturels',
          dynamic: 'dynamique — grande amplitude, spectaculaire',
        },
      },
      fps: { name: 'ips', description: 'Images par seconde (60 seulement avec reality-lab)', choices: { 60: '60 (reality-lab)' } },
      format: { name: 'format', description: 'Format du fichier (par défaut mp4)', choices: { mov: 'mov (reality-lab)' } },
      speech: { name: 'réplique', description: 'Une phrase que l’avatar dit, avec synchronisation labiale' },
      voice: { name: 'voix', description: 'La voix de la réplique' },
      language: { name: 'langue', description: 'La langue de la réplique (par défaut : la tienne)' },
    },
  },
  voice: {
    description: 'Clone ta propre voix pour tes vidéos, liste ou supprime tes voix',
    options: {
      clone: {
        description: 'Clone ta voix à partir d’un enregistrement (15 s à 5 min), 5 crédits une fois',
        options: {
          sample: {
            name: 'enregistrement',
            description: 'Un enregistrement de ta propre voix : WAV, MP3, FLAC ou M4A, 15 s à 5 min',
          },
          name: { name: 'nom', description: 'Le nom de cette voix dans tes listes' },
        },
      },
      list: { description: 'Affiche les voix que tu as clonées' },
      delete: {
        description: 'Supprime une de tes voix, ici et chez Percify',
        options: { voice: { name: 'voix', description: 'Laquelle de tes voix' } },
      },
    },
  },
  gallery: {
    description: 'Tes derniers avatars et vidéos, avec leurs id pour /animate',
    options: { member: { name: 'membre', description: 'La galerie d’un autre membre (il faut Gérer le serveur)' } },
  },
  credits: {
    description: 'Vois combien de crédits tu peux dépenser et tes derniers débits',
    options: { member: { name: 'membre', description: 'Admins : voir les crédits d’un autre membre' } },
  },
  quota: {
    description: 'Règle les allocations, le budget et les limites de crédits du serveur (admins)',
    options: {
      view: { description: 'Affiche toute la configuration des quotas du serveur' },
      allowance: {
        description: 'Règle les crédits quotidiens de chaque membre',
        options: { credits: { name: 'crédits', description: 'Crédits par membre et par jour' } },
      },
      role: {
        description: 'Donne à un rôle sa propre allocation quotidienne (0 la retire)',
        options: {
          role: { name: 'rôle', description: 'Le rôle' },
          credits: { name: 'crédits', description: 'Crédits par jour pour les membres avec ce rôle (0 la retire)' },
        },
      },
      budget: {
        description: 'Plafonne ce que tout le serveur dépense par jour ou par mois (0 retire le plafond)',
        options: {
          credits: { name: 'crédits', description: 'Crédits que tout le serveur peut dépenser par période (0 le retire)' },
          period: {
            name: 'période',
            description: 'Par jour ou par mois (par défaut : comme avant, sinon jour)',
            choices: { day: 'jour', month: 'mois' },
          },
          show: { name: 'afficher', description: 'Afficher ce qu’il reste du budget dans /credits' },
        },
      },
      limits: {
        description: 'Limite les tâches, variantes, durée des vidéos, modèles et niveaux',
        options: {
          concurrent_jobs: { name: 'tâches_simultanées', description: 'Tâches qu’un membre peut avoir en cours en même temps' },
          max_variations: { name: 'variantes_max', description: 'Nombre maximum d’images par /avatar' },
          max_video_seconds: { name: 'secondes_vidéo_max', description: 'Vidéo la plus longue, en secondes' },
          models: {
            name: 'modèles',
            description: 'Modèles d’avatar autorisés, séparés par des virgules : flux, imagen3, reality4 (ou "all")',
          },
          default_model: { name: 'modèle_par_défaut', description: 'Le modèle utilisé quand un membre n’en choisit pas' },
          tiers: {
            name: 'niveaux',
            description: 'Niveaux vidéo autorisés',
            choices: {
              'basic,reality-lab': 'basic et reality-lab',
              basic: 'basic seulement',
              'reality-lab': 'reality-lab seulement',
            },
          },
          confirm_above: { name: 'confirmer_au_delà', description: 'Demander une confirmation pour les tâches qui coûtent plus que ça' },
        },
      },
      grant: {
        description: 'Offre à un membre des crédits gardés jusqu’à ce qu’ils soient dépensés',
        options: { member, credits: { name: 'crédits', description: 'Combien de crédits offrir' }, reason },
      },
      revoke: {
        description: 'Reprend une partie des crédits offerts à un membre',
        options: { member, credits: { name: 'crédits', description: 'Combien de crédits offerts reprendre' }, reason },
      },
      channels: {
        description: 'Où les commandes de création marchent (liste vide : partout)',
        options: {
          add: { description: 'Autorise un salon', options: { channel } },
          remove: { description: 'N’autorise plus un salon', options: { channel } },
          clear: { description: 'Autorise de nouveau tous les salons' },
        },
      },
      blocklist: {
        description: 'Mots et expressions refusés dans les prompts, avant toute dépense',
        options: {
          add: { description: 'Bloque un mot ou une expression', options: { phrase } },
          remove: { description: 'Débloque un mot ou une expression', options: { phrase } },
          list: { description: 'Affiche les mots et expressions bloqués' },
        },
      },
      alerts: {
        description: 'Choisis où le bot prévient les admins (sans salon : plus d’alertes)',
        options: { channel: { name: 'salon', description: 'Un salon textuel pour les alertes' } },
      },
      features: {
        description: 'Active ou coupe les avatars photo et le clonage de voix (sans option : les voir)',
        options: {
          photo_avatars: { name: 'avatars_photo', description: 'Avatars à partir des photos des membres (/avatar photo:)' },
          voice_cloning: { name: 'clonage_voix', description: 'Les membres clonent leur propre voix (/voice clone)' },
        },
      },
      usage: {
        description: 'Crédits dépensés, meilleurs membres, modèles et niveaux, avec un graphique',
        options: {
          period: {
            name: 'période',
            description: 'Jusqu’où remonter (par défaut : semaine)',
            choices: { day: 'aujourd’hui', week: '7 derniers jours', month: '30 derniers jours' },
          },
          compare: { name: 'comparer', description: 'Comparer aussi chaque tâche avec l’historique de crédits de Percify' },
        },
      },
    },
  },
  help: { description: 'Ce que fait ce bot, ce que ça coûte, et tes crédits' },
};
