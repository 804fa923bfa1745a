/** The `quota` group in fr: see ../../README.md for who owns which area. */
export const quota = {
  auditFooter: 'Inscrit au journal d’audit.',
  none: 'Aucun',
  access: {
    notAdmin: '🔒 `/quota` est réservé aux admins du serveur : il faut la permission **Gérer le serveur**.',
    wholeNumber:
      '`{{option}}` doit être un nombre entier de {{min, number}} à {{max, number}} ; reçu : {{value}}.',
    textLength: '`{{option}}` doit faire de 1 à {{max, number}} caractères.',
  },
  alertsChannel: {
    onTitle: '🔔 Alertes activées',
    on: 'Je publierai dans <#{{channel}}> quand Percify manquera de crédits ou sera injoignable, quand le budget de ce serveur sera presque épuisé et quand mes comptes différeront de ceux de Percify.',
    offTitle: '🔕 Alertes désactivées',
    off: 'Je ne publierai plus d’alertes. Choisis de nouveau un salon pour les réactiver.',
  },
  alerts: {
    outOfCreditsTitle: '⚠️ Percify n’a plus de crédits',
    outOfCredits:
      'Le compte Percify du bot n’a plus de crédits : les nouveaux avatars et vidéos échouent (les membres récupèrent leurs crédits). Recharge le compte Percify pour régler ça.',
    creditsLowTitle: '⚠️ Les crédits Percify s’épuisent',
    creditsLow:
      'Il reste **{{balance, number}}** crédits sur le compte Percify du bot (seuil d’alerte {{threshold, number}}). Recharge-le avant que les tâches échouent.',
    budgetTitle: '⚠️ Le budget de ce serveur est presque épuisé',
    budgetDay:
      '**{{used, number}}** crédits du budget quotidien de {{budget, number}} sont dépensés ou réservés ; il se renouvelle {{when}}. Augmente-le avec `/quota budget`.',
    budgetMonth:
      '**{{used, number}}** crédits du budget mensuel de {{budget, number}} sont dépensés ou réservés ; il se renouvelle {{when}}. Augmente-le avec `/quota budget`.',
    unreachableTitle: '⚠️ Percify est injoignable',
    unreachable:
      'Le bot n’arrive plus à joindre Percify depuis environ {{minutes, number}} min. Les tâches attendent et réessaient ; les membres sont remboursés si ça dure.',
    booksDifferTitle: '⚠️ Les comptes du bot diffèrent de ceux de Percify',
    booksDiffer:
      'Ces dernières 24 heures, les membres ont payé **{{paid, number}}** crédits et Percify a facturé **{{charged, number}}** pour les mêmes tâches ({{difference}}). Tâches qui diffèrent : {{jobs}}. `/quota usage compare:True` donne le détail.',
    differingJob: '`{{job}}` ({{paid, number}} contre {{charged, number}})',
  },
  books: {
    title: 'Les comptes de Percify',
    unreadable: 'L’historique des crédits de Percify est illisible pour le moment. Réessaie dans un instant.',
    differingJob:
      '`{{job}}` <@{{member}}> {{kind}} : payé {{paid, number}}, facturé {{charged, number}} par Percify',
    more: '…et {{count, number}} de plus',
    allMatch_one: '{{count, number}} tâche terminée, conforme à l’historique des crédits de Percify.',
    allMatch_many:
      'Les {{count, number}} de tâches terminées correspondent à l’historique des crédits de Percify.',
    allMatch_other:
      'Les {{count, number}} tâches terminées correspondent à l’historique des crédits de Percify.',
    differ_one: '{{count, number}} tâche terminée sur {{compared, number}} diffère :\n{{lines}}',
    differ_many: '{{count, number}} de tâches terminées sur {{compared, number}} diffèrent :\n{{lines}}',
    differ_other: '{{count, number}} tâches terminées sur {{compared, number}} diffèrent :\n{{lines}}',
    membersPaid: 'Payé par les membres',
    percifyCharged: 'Facturé par Percify',
    difference: 'Écart',
    kinds: {
      avatar: 'avatar',
      video: 'vidéo',
      audio: 'réplique parlée',
      other: 'tâche',
    },
  },
  grants: {
    botsHaveNone: 'Les bots n’ont pas de crédits.',
    grantedBy: 'offerts par {{admin}}',
    revokedBy: 'retirés par {{admin}}',
    grantedTitle: '✅ Crédits offerts',
    granted: '<@{{member}}> a reçu **{{amount}}**. Solde offert : {{before, number}} → {{after}}.',
    reason: 'Motif',
    revokedTitle: '✅ Crédits retirés',
    nothingTitle: 'Rien à retirer',
    revoked_one: '{{count, number}} crédit offert retiré.',
    revoked_many: '{{count, number}} de crédits offerts retirés.',
    revoked_other: '{{count, number}} crédits offerts retirés.',
    partly_one:
      'Seuls {{revoked, number}} sur {{count, number}} crédit ont pu être retirés : c’était tout le solde offert du membre.',
    partly_many:
      'Seuls {{revoked, number}} sur {{count, number}} de crédits ont pu être retirés : c’était tout le solde offert du membre.',
    partly_other:
      'Seuls {{revoked, number}} sur {{count, number}} crédits ont pu être retirés : c’était tout le solde offert du membre.',
    balance: 'Solde offert de <@{{member}}> : {{before, number}} → {{after}}.',
  },
  limits: {
    model: 'Le modèle {{model}} est désactivé sur ce serveur. Autorisés : {{allowed}}.',
    tier: 'Le niveau {{tier}} est désactivé sur ce serveur. Autorisés : {{allowed}}.',
    variations_one: 'Ce serveur autorise au plus {{count, number}} variante par demande.',
    variations_many: 'Ce serveur autorise au plus {{count, number}} de variantes par demande.',
    variations_other: 'Ce serveur autorise au plus {{count, number}} variantes par demande.',
    duration_one: 'Ce serveur autorise des vidéos de {{count, number}} seconde au plus.',
    duration_many: 'Ce serveur autorise des vidéos de {{count, number}} de secondes au plus.',
    duration_other: 'Ce serveur autorise des vidéos de {{count, number}} secondes au plus.',
    concurrency_one:
      'Tu as déjà {{count, number}} tâche en cours ; la limite est de {{limit, number}}. Réessaie quand elle sera finie.',
    concurrency_many:
      'Tu as déjà {{count, number}} de tâches en cours ; la limite est de {{limit, number}}. Réessaie quand l’une d’elles sera finie.',
    concurrency_other:
      'Tu as déjà {{count, number}} tâches en cours ; la limite est de {{limit, number}}. Réessaie quand l’une d’elles sera finie.',
    allowance_one: 'Ça coûte {{count, number}} crédit et il t’en reste {{left, number}} aujourd’hui.',
    allowance_many: 'Ça coûte {{count, number}} de crédits et il t’en reste {{left, number}} aujourd’hui.',
    allowance_other: 'Ça coûte {{count, number}} crédits et il t’en reste {{left, number}} aujourd’hui.',
    budgetDay_one:
      'Ça coûte {{count, number}} crédit et il reste {{left, number}} sur le budget quotidien du serveur.',
    budgetDay_many:
      'Ça coûte {{count, number}} de crédits et il reste {{left, number}} sur le budget quotidien du serveur.',
    budgetDay_other:
      'Ça coûte {{count, number}} crédits et il reste {{left, number}} sur le budget quotidien du serveur.',
    budgetMonth_one:
      'Ça coûte {{count, number}} crédit et il reste {{left, number}} sur le budget mensuel du serveur.',
    budgetMonth_many:
      'Ça coûte {{count, number}} de crédits et il reste {{left, number}} sur le budget mensuel du serveur.',
    budgetMonth_other:
      'Ça coûte {{count, number}} crédits et il reste {{left, number}} sur le budget mensuel du serveur.',
    nothingCharged: '{{detail}} Rien n’a été débité.',
  },
  features: {
    title: 'Fonctionnalités',
    updatedTitle: 'Fonctionnalités mises à jour',
    photoAvatars: '📸 Avatars à partir d’une photo (`/avatar photo:`)',
    voiceCloning: '🎙 Clonage de voix (`/voice clone`)',
    on: '**activé**',
    off: '**désactivé**',
    wasOn: 'était activé',
    wasOff: 'était désactivé',
    line: '{{feature}} : {{state}}',
    lineChanged: '{{feature}} : {{state}} ({{was}})',
    footnote:
      'Les deux suivent la liste des salons, la liste noire, les limites et les crédits, comme toute tâche.',
  },
  settings: {
    viewTitle: '⚙️ Quota du serveur',
    viewHint: 'Modifie chacun de ces réglages avec les autres sous-commandes de `/quota`.',
    blocklistTitle: '🚫 Liste noire',
    noChangeTitle: 'Aucun changement : {{subject}}',
    noChange: 'C’est déjà le réglage actuel.',
    updatedTitle: '✅ Mis à jour : {{subject}}',
    fields: {
      dailyAllowance: 'Allocation quotidienne',
      roleAllowances: 'Allocations par rôle',
      budget: 'Budget du serveur',
      jobsAtATime: 'Tâches simultanées',
      variations: 'Variantes',
      videoLength: 'Durée des vidéos',
      models: 'Modèles',
      videoTiers: 'Niveaux vidéo',
      confirmAbove: 'Confirmation au-delà de',
      channels: 'Salons',
      blocklist: 'Liste noire',
      dayStarts: 'Début de la journée',
    },
    values: {
      perMember: '{{amount}} par membre',
      roleAllowance: '<@&{{role}}> : {{amount}} par jour',
      budgetDay: '{{amount}} par jour · {{visibility}}',
      budgetMonth: '{{amount}} par mois · {{visibility}}',
      shown: 'visible par les membres',
      hidden: 'caché aux membres',
      jobsPerMember: '{{count, number}} par membre',
      variations: 'jusqu’à {{count, number}} par demande',
      videoLength: 'jusqu’à {{length}}',
      models: '{{models}} (par défaut {{model}})',
      confirmAbove: 'tâches coûtant plus de {{amount}}',
      everywhere: 'Partout',
      empty: 'Vide',
      dayStarts: '00:00 UTC{{offset}}',
    },
    subjects: {
      allowance: 'allocation quotidienne',
      role: 'allocation du rôle {{role}}',
      budget: 'budget du serveur',
      limits: 'limites',
      channels: 'salons',
      blocklist: 'liste noire',
    },
    refusals: {
      everyone: 'Tout le monde a @everyone : utilise `/quota allowance` pour l’allocation par défaut.',
      unknownModels_one:
        'Modèle inconnu : {{names}}. Choisis parmi {{models}} (séparés par des virgules), ou `all`.',
      unknownModels_many:
        'Modèles inconnus : {{names}}. Choisis parmi {{models}} (séparés par des virgules), ou `all`.',
      unknownModels_other:
        'Modèles inconnus : {{names}}. Choisis parmi {{models}} (séparés par des virgules), ou `all`.',
      noModel: 'Indique au moins un modèle.',
      tiers: 'Les niveaux vidéo sont {{tiers}}.',
      nothingToChange: 'Choisis au moins une limite à modifier. `/quota view` les affiche toutes.',
      defaultNotAllowed:
        'Le modèle par défaut doit aussi être autorisé : {{model}} ne fait pas partie de {{models}}.',
      tooManyChannels: 'La liste peut contenir au plus {{max, number}} salons.',
      channelNotListed: '<#{{channel}}> n’est pas dans la liste. `/quota view` l’affiche.',
      blocklistFull: 'La liste noire contient au plus {{max, number}} expressions.',
      phraseNotListed: '« {{phrase}} » n’est pas dans la liste noire.',
      invalid: 'Ces réglages ne sont pas valides : {{problems}}',
    },
    problems: {
      noModel: 'au moins un modèle doit rester autorisé',
      noTier: 'au moins un niveau doit rester autorisé',
      defaultModel: 'le modèle par défaut doit faire partie des modèles autorisés',
      field: '{{field}} n’est pas valide',
    },
  },
  usage: {
    title: '📊 Utilisation · {{period}}',
    chartTitle: 'Crédits par jour · {{period}}',
    periods: { day: 'Aujourd’hui', week: '7 derniers jours', month: '30 derniers jours' },
    chartPeriods: { day: 'aujourd’hui', week: '7 derniers jours', month: '30 derniers jours' },
    summary: '**{{charged}}** débités pour {{jobs}} · {{refunds}} ({{refunded}} rendus)',
    absorbed: '{{amount}} au-delà des estimations, payés par le bot',
    jobs_one: '{{count, number}} tâche',
    jobs_many: '{{count, number}} de tâches',
    jobs_other: '{{count, number}} tâches',
    refunds_one: '{{count, number}} remboursement',
    refunds_many: '{{count, number}} de remboursements',
    refunds_other: '{{count, number}} remboursements',
    photoAvatars_one: '{{count, number}} avatar photo',
    photoAvatars_many: '{{count, number}} d’avatars photo',
    photoAvatars_other: '{{count, number}} avatars photo',
    voiceClones_one: '{{count, number}} voix clonée',
    voiceClones_many: '{{count, number}} de voix clonées',
    voiceClones_other: '{{count, number}} voix clonées',
    topMembers: 'Membres les plus actifs',
    byModel: 'Par modèle',
    byTier: 'Par niveau vidéo',
    likeness: 'Image et voix des membres',
  },
} as const;
