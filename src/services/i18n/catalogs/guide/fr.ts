/** The `guide` group in fr: see ../../README.md for who owns which area. */
export const guide = {
  failures: {
    policyStopped: {
      avatar: '🚫 La politique de contenu de Percify a bloqué celui-ci. Essaie de reformuler le prompt.',
      audio:
        '🚫 La politique de contenu de Percify a bloqué celui-ci. Essaie de reformuler la phrase parlée.',
      video: '🚫 La politique de contenu de Percify a bloqué celui-ci. Essaie un autre avatar.',
      lipsync:
        '🚫 La politique de contenu de Percify a bloqué celui-ci. Essaie un autre avatar ou une autre phrase parlée.',
    },
    policyRefused: {
      avatar:
        '🚫 La politique de contenu de Percify a refusé ceci{{categories}}. Essaie de reformuler le prompt.',
      audio:
        '🚫 La politique de contenu de Percify a refusé ceci{{categories}}. Essaie de reformuler la phrase parlée.',
      video: '🚫 La politique de contenu de Percify a refusé ceci{{categories}}. Essaie un autre avatar.',
      lipsync:
        '🚫 La politique de contenu de Percify a refusé ceci{{categories}}. Essaie un autre avatar ou une autre phrase parlée.',
    },
    operatorOutOfCredits:
      'Le compte Percify du serveur n’a plus de crédits pour le moment. Ton solde n’y est pour rien : un admin du serveur doit recharger le compte.',
    planLimit: 'L’abonnement Percify du serveur a atteint sa limite du jour. Réessaie demain.',
    notFinished:
      'Percify n’a pas pu terminer celui-ci ; ce n’est ni ton prompt ni tes réglages. Réessaie dans un instant.',
    somethingWentWrong:
      'Un problème est survenu en interrogeant Percify. Réessaie dans un instant ; si ça continue, préviens un admin du serveur.',
    invalidImage:
      'Percify n’a pas pu ouvrir l’image de cet avatar (elle a peut-être été supprimée). Choisis un autre avatar.',
    avatarNotCompleted: 'L’avatar est encore en cours de finition. Réessaie dans une minute.',
    avatarNotFound: 'Percify n’a pas trouvé cet avatar (il a peut-être été supprimé). Choisis-en un autre.',
    invalidDuration: 'Percify a refusé cette durée de vidéo. Essaie plus court.',
    voiceNotFound: 'La voix choisie n’existe plus. Choisis-en une autre.',
    textTooLong: 'Le texte à dire est trop long. Raccourcis-le et réessaie.',
    unsupportedLanguage: 'Percify ne sait pas encore parler la langue de ce texte. Essaie en anglais.',
    rateLimited: 'Percify était trop occupé pour terminer celui-ci. Réessaie dans une minute.',
    timeout: 'Percify a mis trop de temps pour celui-ci. Réessaie dans un instant.',
    invalidRequest: 'Percify n’a pas accepté ces réglages. Essaie de les changer, ou un prompt plus court.',
    percifyAuth:
      'Le bot ne peut pas utiliser Percify pour le moment (son accès a été refusé). Un admin du serveur doit vérifier la configuration.',
    settingsNotAllowed: 'Ces réglages ne sont pas autorisés ({{field}}).',
    notFound:
      'Percify n’a pas trouvé ce qu’il faut pour ceci (il a peut-être été supprimé). Réessaie avec autre chose.',
    videoLength:
      'Percify a refusé un clip de {{seconds}} secondes : les vidéos {{tier}} durent de {{min}} à {{max}} secondes.',
    videoSettingsNotAllowed: 'Ces réglages vidéo ne sont pas autorisés ({{field}}).',
    photoGone: 'Ta photo ne peut plus être lue depuis Discord. Relance `/avatar photo:` avec l’image.',
    photoChanged:
      'Ta photo n’est plus utilisable : ce n’est plus une image que Percify accepte. Relance `/avatar photo:` avec l’image.',
    photoRefused:
      'Percify n’a pas pu utiliser cette photo. Essaie une photo nette, de face et bien éclairée, avec un seul visage.',
    undeliverable: 'Le résultat n’a pas pu être publié ici.',
    timedOut: 'Percify n’a pas terminé à temps.',
    submitGaveUp: 'Percify est resté injoignable un moment.',
    waitedTooLong:
      'Cette tâche a attendu trop longtemps une place libre : le bot est très occupé en ce moment.',
  },
  delivery: {
    lateNote: '🎁 Finalement, c’est terminé alors qu’on avait abandonné : c’est donc gratuit.',
    ready: 'ton résultat est prêt.',
  },
  jobs: {
    unknown: 'Ce résultat n’est plus disponible. Relance la commande pour en créer un nouveau.',
    notOwner: 'C’est le résultat de quelqu’un d’autre. Crée le tien avec `/avatar` !',
  },
  policy: {
    channel: {
      avatar: 'Sur ce serveur, les avatars se créent dans {{where}}. Essaie là-bas ! Rien n’a été débité.',
      video: 'Sur ce serveur, les vidéos se créent dans {{where}}. Essaie là-bas ! Rien n’a été débité.',
      voice: 'Sur ce serveur, les voix se créent dans {{where}}. Essaie là-bas ! Rien n’a été débité.',
    },
    blocked: {
      voiceName:
        'Le nom de ta voix contient « {{phrase}} », ce que ce serveur n’autorise pas. Reformule et réessaie ; rien n’a été débité.',
      prompt:
        'Ton prompt contient « {{phrase}} », ce que ce serveur n’autorise pas. Reformule et réessaie ; rien n’a été débité.',
      negativePrompt:
        'Ton prompt négatif contient « {{phrase}} », ce que ce serveur n’autorise pas. Reformule et réessaie ; rien n’a été débité.',
      spokenLine:
        'Ta phrase parlée contient « {{phrase}} », ce que ce serveur n’autorise pas. Reformule et réessaie ; rien n’a été débité.',
      avatarPrompt:
        'Le prompt de cet avatar contient « {{phrase}} », ce que ce serveur n’autorise pas. Reformule et réessaie ; rien n’a été débité.',
    },
    voiceNotYours:
      'Tu ne peux pas utiliser cette voix. Choisis l’une des tiennes ou une voix prédéfinie dans la liste.',
    modelOff: 'Le modèle {{model}} est désactivé sur ce serveur. Tu peux utiliser : {{allowed}}.',
    tooManyVariations_one:
      'Ce serveur autorise jusqu’à {{count, number}} variante à la fois. Demandes-en moins.',
    tooManyVariations_many:
      'Ce serveur autorise jusqu’à {{count, number}} de variantes à la fois. Demandes-en moins.',
    tooManyVariations_other:
      'Ce serveur autorise jusqu’à {{count, number}} variantes à la fois. Demandes-en moins.',
    featureOff: {
      photoAvatars:
        'Les avatars à partir de photos sont désactivés sur ce serveur. `/avatar` avec un prompt fonctionne toujours.',
      voiceCloning:
        'Le clonage de voix est désactivé sur ce serveur. Les voix prédéfinies fonctionnent toujours dans `/animate`.',
    },
    tierOff: 'Le niveau {{tier}} est désactivé sur ce serveur. Essaie `tier:{{example}}`.',
    durationLimit:
      'Ce serveur autorise des vidéos de {{seconds, number}} secondes au plus. Choisis une durée plus courte.',
  },
  afford: {
    notEnough:
      '💳 Pas assez de crédits : ceci coûte **{{price}}** et {{have}}. {{instead}} {{resets}} Rien n’a été débité.',
    haveOwn: 'tu as {{amount}}',
    haveBudgetDay: 'il reste {{amount}} dans le budget quotidien du serveur',
    haveBudgetMonth: 'il reste {{amount}} dans le budget mensuel du serveur',
    fits: 'Avec ça, tu pourrais faire {{fits}}.',
    nothingFits: 'Rien de plus petit ne rentre pour l’instant.',
    budgetResets: 'Le budget se renouvelle {{when}}.',
    allowanceResets: 'Ton allocation se renouvelle {{when}}.',
    images_one: 'une image {{model}} ({{cost}})',
    images_many: '{{count, number}} d’images {{model}} ({{cost}})',
    images_other: '{{count, number}} images {{model}} ({{cost}})',
    video: 'une vidéo {{tier}} de {{seconds, number}} s ({{cost}})',
    videoWithLine: 'une vidéo {{tier}} de {{seconds, number}} s avec la phrase ({{cost}})',
  },
  help: {
    title: '✨ Avatars et vidéos Percify',
    description:
      'Crée des avatars IA à partir d’un prompt avec `/avatar`, puis donne vie à l’un d’eux dans une courte vidéo, avec une phrase parlée et synchronisée sur les lèvres si tu veux. Les prix sont en crédits du serveur, les mêmes que les crédits Percify ; une tâche qui échoue ne coûte rien.',
    fields: {
      commands: 'Commandes',
      avatars: 'Avatars',
      videos: 'Vidéos',
      voice: 'Voix',
      balance: 'Ton solde',
      more: 'Obtenir plus de crédits',
    },
    noCommands: 'Aucune pour l’instant.',
    forAdmins: '**Pour les admins :** {{commands}}',
    models: { flux: 'Rapide', imagen3: 'Haute qualité', reality4: 'Ultra réaliste' },
    avatarPrice: '**{{model}}** · {{label}} : {{price}} par image',
    offHere: '~~{{line}}~~ · désactivé sur ce serveur',
    maxVariations: 'Jusqu’à {{count, number}} par /avatar',
    videoPrice: '{{base}} jusqu’à {{included, number}} s, puis +{{perSecond, number}} par seconde',
    tierName: '**{{tier}}** : {{price}}',
    tierDetails: '{{min, number}}–{{max, number}} s · {{resolution}}, {{fps}} ips',
    voicePrice:
      '**Phrase parlée** (synchro labiale) : {{base}} + {{perSecond, number}} par seconde de parole',
    photoPrice: '**À partir de ta photo** (`/avatar photo:`) : {{price}}',
    clonePrice: '**Ta propre voix** (`/voice clone`) : {{price}} une fois par voix',
    spendNow: '**{{amount}}** à dépenser maintenant',
    allowanceLeft: '{{left, number}} restants sur l’allocation du jour de {{allowance, number}}',
    granted: '{{count, number}} offerts',
    held: '{{count, number}} réservés pour des tâches en cours',
    details: '({{details}})',
    separator: ', ',
    budgetDay:
      'Budget du serveur : {{left, number}} sur {{total, number}} restants aujourd’hui, renouvelé {{when}}',
    budgetMonth:
      'Budget du serveur : {{left, number}} sur {{total, number}} restants ce mois-ci, renouvelé {{when}}',
    allowanceRefills: 'Ton allocation quotidienne de {{amount}} se recharge {{when}}.',
    roles: 'Certains rôles reçoivent plus chaque jour : {{roles}}.',
    askAdmin: 'Besoin de plus aujourd’hui ? Demande à un admin du serveur : il peut t’offrir des crédits.',
  },
} as const;
