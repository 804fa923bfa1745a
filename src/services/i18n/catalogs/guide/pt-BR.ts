/** The `guide` group in pt-BR: see ../../README.md for who owns which area. */
export const guide = {
  failures: {
    policyStopped: {
      avatar: '🚫 A política de conteúdo da Percify barrou este. Tente reescrever o prompt.',
      audio: '🚫 A política de conteúdo da Percify barrou este. Tente reescrever a fala.',
      video: '🚫 A política de conteúdo da Percify barrou este. Tente outro avatar.',
      lipsync: '🚫 A política de conteúdo da Percify barrou este. Tente outro avatar ou outra fala.',
    },
    policyRefused: {
      avatar: '🚫 A política de conteúdo da Percify recusou isto{{categories}}. Tente reescrever o prompt.',
      audio: '🚫 A política de conteúdo da Percify recusou isto{{categories}}. Tente reescrever a fala.',
      video: '🚫 A política de conteúdo da Percify recusou isto{{categories}}. Tente outro avatar.',
      lipsync:
        '🚫 A política de conteúdo da Percify recusou isto{{categories}}. Tente outro avatar ou outra fala.',
    },
    operatorOutOfCredits:
      'A conta Percify do servidor está sem créditos agora. Isso não tem a ver com o seu saldo: um admin do servidor precisa recarregar a conta.',
    planLimit: 'O plano Percify do servidor atingiu o limite diário. Tente de novo amanhã.',
    notFinished:
      'A Percify não conseguiu terminar este; não foi por causa do seu prompt nem das suas configurações. Tente de novo daqui a pouco.',
    somethingWentWrong:
      'Algo deu errado ao falar com a Percify. Tente de novo daqui a pouco; se continuar acontecendo, avise um admin do servidor.',
    invalidImage:
      'A Percify não conseguiu abrir a imagem deste avatar (talvez ela tenha sido apagada). Escolha outro avatar.',
    avatarNotCompleted: 'O avatar ainda está sendo finalizado. Tente de novo em um minuto.',
    avatarNotFound: 'A Percify não encontrou esse avatar (talvez ele tenha sido apagado). Escolha outro.',
    invalidDuration: 'A Percify recusou essa duração de vídeo. Tente uma mais curta.',
    voiceNotFound: 'A voz escolhida não existe mais. Escolha outra.',
    textTooLong: 'O texto a ser falado é longo demais. Encurte e tente de novo.',
    unsupportedLanguage: 'A Percify ainda não fala o idioma deste texto. Tente em inglês.',
    rateLimited: 'A Percify estava ocupada demais para terminar este. Tente de novo em um minuto.',
    timeout: 'A Percify demorou demais neste. Tente de novo daqui a pouco.',
    invalidRequest: 'A Percify não aceitou essas configurações. Tente mudá-las ou usar um prompt mais curto.',
    percifyAuth:
      'O bot não consegue usar a Percify agora (o acesso foi recusado). Um admin do servidor precisa verificar a configuração.',
    settingsNotAllowed: 'Essas configurações não são permitidas ({{field}}).',
    notFound:
      'A Percify não encontrou o que isto precisa (talvez tenha sido apagado). Tente de novo com outro.',
    videoLength:
      'A Percify recusou um clipe de {{seconds}} segundos: vídeos {{tier}} têm de {{min}} a {{max}} segundos.',
    videoSettingsNotAllowed: 'Essas configurações de vídeo não são permitidas ({{field}}).',
    photoGone: 'Não foi mais possível ler sua foto no Discord. Use `/avatar photo:` de novo com a imagem.',
    photoChanged:
      'Sua foto não pode mais ser usada: ela não é mais uma imagem que a Percify aceita. Use `/avatar photo:` de novo com a imagem.',
    photoRefused:
      'A Percify não conseguiu usar esta foto. Tente uma foto nítida, de frente e bem iluminada, com um só rosto.',
    undeliverable: 'Não foi possível publicar o resultado aqui.',
    timedOut: 'A Percify não terminou isto a tempo.',
    submitGaveUp: 'A Percify ficou fora do ar por um tempo.',
    waitedTooLong: 'Este trabalho esperou demais por uma vaga livre: o bot está muito ocupado agora.',
  },
  delivery: {
    lateNote: '🎁 No fim ficou pronto, depois que já tínhamos desistido, então é de graça.',
    ready: 'seu resultado está pronto.',
  },
  jobs: {
    unknown: 'Este resultado não está mais disponível. Use o comando de novo para criar um novo.',
    notOwner: 'Este resultado é de outra pessoa. Crie o seu com `/avatar`!',
  },
  policy: {
    channel: {
      avatar: 'Neste servidor, os avatares são criados em {{where}}. Tente lá! Nada foi cobrado.',
      video: 'Neste servidor, os vídeos são criados em {{where}}. Tente lá! Nada foi cobrado.',
      voice: 'Neste servidor, as vozes são criadas em {{where}}. Tente lá! Nada foi cobrado.',
    },
    blocked: {
      voiceName:
        'O nome da sua voz contém “{{phrase}}”, que este servidor não permite. Reescreva e tente de novo; nada foi cobrado.',
      prompt:
        'Seu prompt contém “{{phrase}}”, que este servidor não permite. Reescreva e tente de novo; nada foi cobrado.',
      negativePrompt:
        'Seu prompt negativo contém “{{phrase}}”, que este servidor não permite. Reescreva e tente de novo; nada foi cobrado.',
      spokenLine:
        'Sua fala contém “{{phrase}}”, que este servidor não permite. Reescreva e tente de novo; nada foi cobrado.',
      avatarPrompt:
        'O prompt deste avatar contém “{{phrase}}”, que este servidor não permite. Reescreva e tente de novo; nada foi cobrado.',
    },
    voiceNotYours: 'Você não pode usar essa voz. Escolha uma das suas ou uma predefinida da lista.',
    modelOff: 'O modelo {{model}} está desativado neste servidor. Você pode usar: {{allowed}}.',
    tooManyVariations_one: 'Este servidor permite até {{count, number}} variação por vez. Peça menos.',
    tooManyVariations_many: 'Este servidor permite até {{count, number}} de variações por vez. Peça menos.',
    tooManyVariations_other: 'Este servidor permite até {{count, number}} variações por vez. Peça menos.',
    featureOff: {
      photoAvatars:
        'Avatares a partir de fotos estão desativados neste servidor. `/avatar` com um prompt continua funcionando.',
      voiceCloning:
        'A clonagem de voz está desativada neste servidor. As vozes predefinidas continuam funcionando no `/animate`.',
    },
    tierOff: 'O nível {{tier}} está desativado neste servidor. Tente `tier:{{example}}`.',
    durationLimit:
      'Este servidor permite vídeos de até {{seconds, number}} segundos. Escolha uma duração mais curta.',
  },
  afford: {
    notEnough:
      '💳 Créditos insuficientes: isto custa **{{price}}** e {{have}}. {{instead}} {{resets}} Nada foi cobrado.',
    haveOwn: 'você tem {{amount}}',
    haveBudgetDay: 'o orçamento diário do servidor tem {{amount}} sobrando',
    haveBudgetMonth: 'o orçamento mensal do servidor tem {{amount}} sobrando',
    fits: 'Com isso, você poderia fazer {{fits}}.',
    nothingFits: 'Nada menor cabe agora.',
    budgetResets: 'O orçamento renova {{when}}.',
    allowanceResets: 'Sua cota renova {{when}}.',
    images_one: 'uma imagem {{model}} ({{cost}})',
    images_many: '{{count, number}} de imagens {{model}} ({{cost}})',
    images_other: '{{count, number}} imagens {{model}} ({{cost}})',
    video: 'um vídeo {{tier}} de {{seconds, number}} s ({{cost}})',
    videoWithLine: 'um vídeo {{tier}} de {{seconds, number}} s com a fala ({{cost}})',
  },
  help: {
    title: '✨ Avatares e vídeos da Percify',
    description:
      'Crie avatares com IA a partir de um prompt com `/avatar` e depois dê vida a um deles em um vídeo curto, com uma fala sincronizada com os lábios, se quiser. Os preços são em créditos do servidor, os mesmos créditos da Percify; um trabalho que falha não custa nada.',
    fields: {
      commands: 'Comandos',
      avatars: 'Avatares',
      videos: 'Vídeos',
      voice: 'Voz',
      balance: 'Seu saldo',
      more: 'Como conseguir mais créditos',
    },
    noCommands: 'Nenhum ainda.',
    forAdmins: '**Para admins:** {{commands}}',
    models: { flux: 'Rápido', imagen3: 'Alta qualidade', reality4: 'Ultrarrealista' },
    avatarPrice: '**{{model}}** · {{label}}: {{price}} por imagem',
    offHere: '~~{{line}}~~ · desativado neste servidor',
    maxVariations: 'Até {{count, number}} por /avatar',
    videoPrice: '{{base}} até {{included, number}} s, depois +{{perSecond, number}} por segundo',
    tierName: '**{{tier}}**: {{price}}',
    tierDetails: '{{min, number}}–{{max, number}} s · {{resolution}}, {{fps}} fps',
    voicePrice: '**Fala** (sincronizada com os lábios): {{base}} + {{perSecond, number}} por segundo de fala',
    photoPrice: '**A partir da sua foto** (`/avatar photo:`): {{price}}',
    clonePrice: '**Sua própria voz** (`/voice clone`): {{price}} uma vez por voz',
    spendNow: '**{{amount}}** para gastar agora',
    allowanceLeft: 'restam {{left, number}} da cota de hoje de {{allowance, number}}',
    granted: '{{count, number}} presenteados',
    held: '{{count, number}} reservados para trabalhos em andamento',
    details: '({{details}})',
    separator: ', ',
    budgetDay: 'Orçamento do servidor: restam {{left, number}} de {{total, number}} hoje, renova {{when}}',
    budgetMonth:
      'Orçamento do servidor: restam {{left, number}} de {{total, number}} este mês, renova {{when}}',
    allowanceRefills: 'Sua cota diária de {{amount}} recarrega {{when}}.',
    roles: 'Alguns cargos recebem mais por dia: {{roles}}.',
    askAdmin: 'Precisa de mais hoje? Peça a um admin do servidor: ele pode te dar créditos.',
  },
} as const;
