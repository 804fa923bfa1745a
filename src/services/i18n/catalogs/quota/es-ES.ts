/** The `quota` group in es-ES: see ../../README.md for who owns which area. */
export const quota = {
  auditFooter: 'Anotado en el registro de auditoría.',
  none: 'Ninguno',
  access: {
    notAdmin: '🔒 `/quota` es para los admins del servidor: necesitas el permiso **Gestionar servidor**.',
    wholeNumber:
      '`{{option}}` tiene que ser un número entero de {{min, number}} a {{max, number}}; has puesto {{value}}.',
    textLength: '`{{option}}` tiene que tener de 1 a {{max, number}} caracteres.',
  },
  alertsChannel: {
    onTitle: '🔔 Alertas activadas',
    on: 'Publicaré en <#{{channel}}> cuando a Percify le queden pocos créditos o no se pueda contactar, cuando el presupuesto de este servidor esté casi agotado y cuando mis cuentas no cuadren con las de Percify.',
    offTitle: '🔕 Alertas desactivadas',
    off: 'Ya no publicaré alertas. Vuelve a elegir un canal para activarlas.',
  },
  alerts: {
    outOfCreditsTitle: '⚠️ Percify se ha quedado sin créditos',
    outOfCredits:
      'La cuenta de Percify del bot no tiene créditos, así que los avatares y vídeos nuevos fallan (los miembros recuperan sus créditos). Recarga la cuenta de Percify para solucionarlo.',
    creditsLowTitle: '⚠️ Quedan pocos créditos de Percify',
    creditsLow:
      'A la cuenta de Percify del bot le quedan **{{balance, number}}** créditos (umbral de alerta: {{threshold, number}}). Recárgala antes de que los trabajos empiecen a fallar.',
    budgetTitle: '⚠️ El presupuesto de este servidor está casi agotado',
    budgetDay:
      'Se han gastado o reservado **{{used, number}}** de los {{budget, number}} créditos del presupuesto diario; se renueva {{when}}. Súbelo con `/quota budget`.',
    budgetMonth:
      'Se han gastado o reservado **{{used, number}}** de los {{budget, number}} créditos del presupuesto mensual; se renueva {{when}}. Súbelo con `/quota budget`.',
    unreachableTitle: '⚠️ No se puede contactar con Percify',
    unreachable:
      'El bot lleva unos {{minutes, number}} min sin contactar con Percify. Los trabajos esperan y lo reintentan; si dura, los miembros recuperan sus créditos.',
    booksDifferTitle: '⚠️ Las cuentas del bot no cuadran con las de Percify',
    booksDiffer:
      'En las últimas 24 horas los miembros pagaron **{{paid, number}}** créditos y Percify cobró **{{charged, number}}** por los mismos trabajos ({{difference}}). Trabajos que no cuadran: {{jobs}}. `/quota usage compare:True` muestra los detalles.',
    differingJob: '`{{job}}` ({{paid, number}} frente a {{charged, number}})',
  },
  books: {
    title: 'Las cuentas de Percify',
    unreadable:
      'Ahora mismo no se puede leer el historial de créditos de Percify. Inténtalo de nuevo en un momento.',
    differingJob:
      '`{{job}}` <@{{member}}> {{kind}}: pagó {{paid, number}}, Percify cobró {{charged, number}}',
    more: '…y {{count, number}} más',
    allMatch_one: 'El trabajo terminado ({{count, number}}) cuadra con el historial de créditos de Percify.',
    allMatch_many:
      'Los {{count, number}} de trabajos terminados cuadran con el historial de créditos de Percify.',
    allMatch_other:
      'Los {{count, number}} trabajos terminados cuadran con el historial de créditos de Percify.',
    differ_one: '{{count, number}} de {{compared, number}} trabajos terminados no cuadra:\n{{lines}}',
    differ_many: '{{count, number}} de {{compared, number}} trabajos terminados no cuadran:\n{{lines}}',
    differ_other: '{{count, number}} de {{compared, number}} trabajos terminados no cuadran:\n{{lines}}',
    membersPaid: 'Pagado por los miembros',
    percifyCharged: 'Cobrado por Percify',
    difference: 'Diferencia',
    kinds: {
      avatar: 'avatar',
      video: 'vídeo',
      audio: 'frase hablada',
      other: 'trabajo',
    },
  },
  grants: {
    botsHaveNone: 'Los bots no tienen créditos.',
    grantedBy: 'regalados por {{admin}}',
    revokedBy: 'retirados por {{admin}}',
    grantedTitle: '✅ Créditos regalados',
    granted: '<@{{member}}> ha recibido **{{amount}}**. Saldo regalado: {{before, number}} → {{after}}.',
    reason: 'Motivo',
    revokedTitle: '✅ Créditos retirados',
    nothingTitle: 'No hay nada que retirar',
    revoked_one: 'Retirado {{count, number}} crédito regalado.',
    revoked_many: 'Retirados {{count, number}} de créditos regalados.',
    revoked_other: 'Retirados {{count, number}} créditos regalados.',
    partly_one:
      'Solo se han podido retirar {{revoked, number}} de {{count, number}} crédito: era todo el saldo regalado del miembro.',
    partly_many:
      'Solo se han podido retirar {{revoked, number}} de {{count, number}} de créditos: era todo el saldo regalado del miembro.',
    partly_other:
      'Solo se han podido retirar {{revoked, number}} de {{count, number}} créditos: era todo el saldo regalado del miembro.',
    balance: 'Saldo regalado de <@{{member}}>: {{before, number}} → {{after}}.',
  },
  limits: {
    model: 'El modelo {{model}} está desactivado en este servidor. Permitidos: {{allowed}}.',
    tier: 'El nivel {{tier}} está desactivado en este servidor. Permitidos: {{allowed}}.',
    variations_one: 'Este servidor permite como máximo {{count, number}} variante por petición.',
    variations_many: 'Este servidor permite como máximo {{count, number}} de variantes por petición.',
    variations_other: 'Este servidor permite como máximo {{count, number}} variantes por petición.',
    duration_one: 'Este servidor permite vídeos de {{count, number}} segundo como máximo.',
    duration_many: 'Este servidor permite vídeos de {{count, number}} de segundos como máximo.',
    duration_other: 'Este servidor permite vídeos de {{count, number}} segundos como máximo.',
    concurrency_one:
      'Ya tienes {{count, number}} trabajo en marcha; el límite es {{limit, number}}. Vuelve a intentarlo cuando termine.',
    concurrency_many:
      'Ya tienes {{count, number}} de trabajos en marcha; el límite es {{limit, number}}. Vuelve a intentarlo cuando termine uno.',
    concurrency_other:
      'Ya tienes {{count, number}} trabajos en marcha; el límite es {{limit, number}}. Vuelve a intentarlo cuando termine uno.',
    allowance_one: 'Esto cuesta {{count, number}} crédito y hoy te quedan {{left, number}}.',
    allowance_many: 'Esto cuesta {{count, number}} de créditos y hoy te quedan {{left, number}}.',
    allowance_other: 'Esto cuesta {{count, number}} créditos y hoy te quedan {{left, number}}.',
    budgetDay_one:
      'Esto cuesta {{count, number}} crédito y al presupuesto diario del servidor le quedan {{left, number}}.',
    budgetDay_many:
      'Esto cuesta {{count, number}} de créditos y al presupuesto diario del servidor le quedan {{left, number}}.',
    budgetDay_other:
      'Esto cuesta {{count, number}} créditos y al presupuesto diario del servidor le quedan {{left, number}}.',
    budgetMonth_one:
      'Esto cuesta {{count, number}} crédito y al presupuesto mensual del servidor le quedan {{left, number}}.',
    budgetMonth_many:
      'Esto cuesta {{count, number}} de créditos y al presupuesto mensual del servidor le quedan {{left, number}}.',
    budgetMonth_other:
      'Esto cuesta {{count, number}} créditos y al presupuesto mensual del servidor le quedan {{left, number}}.',
    nothingCharged: '{{detail}} No se ha cobrado nada.',
  },
  features: {
    title: 'Funciones',
    updatedTitle: 'Funciones actualizadas',
    photoAvatars: '📸 Avatares a partir de fotos (`/avatar photo:`)',
    voiceCloning: '🎙 Clonación de voz (`/voice clone`)',
    on: '**activada**',
    off: '**desactivada**',
    wasOn: 'antes activada',
    wasOff: 'antes desactivada',
    line: '{{feature}}: {{state}}',
    lineChanged: '{{feature}}: {{state}} ({{was}})',
    footnote:
      'Las dos siguen la lista de canales, la lista de bloqueo, los límites y los créditos, como cualquier trabajo.',
  },
  settings: {
    viewTitle: '⚙️ Cuota del servidor',
    viewHint: 'Cambia cualquiera de estos ajustes con los otros subcomandos de `/quota`.',
    blocklistTitle: '🚫 Lista de bloqueo',
    noChangeTitle: 'Sin cambios: {{subject}}',
    noChange: 'Ya estaba así.',
    updatedTitle: '✅ Actualizado: {{subject}}',
    fields: {
      dailyAllowance: 'Asignación diaria',
      roleAllowances: 'Asignaciones por rol',
      budget: 'Presupuesto del servidor',
      jobsAtATime: 'Trabajos a la vez',
      variations: 'Variantes',
      videoLength: 'Duración del vídeo',
      models: 'Modelos',
      videoTiers: 'Niveles de vídeo',
      confirmAbove: 'Confirmar a partir de',
      channels: 'Canales',
      blocklist: 'Lista de bloqueo',
      dayStarts: 'Inicio del día',
    },
    values: {
      perMember: '{{amount}} por miembro',
      roleAllowance: '<@&{{role}}>: {{amount}} al día',
      budgetDay: '{{amount}} al día · {{visibility}}',
      budgetMonth: '{{amount}} al mes · {{visibility}}',
      shown: 'visible para los miembros',
      hidden: 'oculto para los miembros',
      jobsPerMember: '{{count, number}} por miembro',
      variations: 'hasta {{count, number}} por petición',
      videoLength: 'hasta {{length}}',
      models: '{{models}} (predeterminado {{model}})',
      confirmAbove: 'trabajos que cuestan más de {{amount}}',
      everywhere: 'En todas partes',
      empty: 'Vacía',
      dayStarts: '00:00 UTC{{offset}}',
    },
    subjects: {
      allowance: 'asignación diaria',
      role: 'asignación del rol {{role}}',
      budget: 'presupuesto del servidor',
      limits: 'límites',
      channels: 'canales',
      blocklist: 'lista de bloqueo',
    },
    refusals: {
      everyone: 'Todo el mundo tiene @everyone: usa `/quota allowance` para la asignación predeterminada.',
      unknownModels_one:
        'Modelo desconocido: {{names}}. Elige entre {{models}} (separados por comas) o `all`.',
      unknownModels_many:
        'Modelos desconocidos: {{names}}. Elige entre {{models}} (separados por comas) o `all`.',
      unknownModels_other:
        'Modelos desconocidos: {{names}}. Elige entre {{models}} (separados por comas) o `all`.',
      noModel: 'Indica al menos un modelo.',
      tiers: 'Los niveles de vídeo son {{tiers}}.',
      nothingToChange: 'Elige al menos un límite que cambiar. `/quota view` los muestra todos.',
      defaultNotAllowed:
        'El modelo predeterminado también tiene que estar permitido: {{model}} no está en {{models}}.',
      tooManyChannels: 'La lista admite como máximo {{max, number}} canales.',
      channelNotListed: '<#{{channel}}> no está en la lista. `/quota view` la muestra.',
      blocklistFull: 'La lista de bloqueo admite como máximo {{max, number}} frases.',
      phraseNotListed: '«{{phrase}}» no está en la lista de bloqueo.',
      invalid: 'Esos ajustes no son válidos: {{problems}}',
    },
    problems: {
      noModel: 'al menos un modelo tiene que seguir permitido',
      noTier: 'al menos un nivel tiene que seguir permitido',
      defaultModel: 'el modelo predeterminado tiene que ser uno de los permitidos',
      field: '{{field}} no es válido',
    },
  },
  usage: {
    title: '📊 Uso · {{period}}',
    chartTitle: 'Créditos por día · {{period}}',
    periods: { day: 'Hoy', week: 'Últimos 7 días', month: 'Últimos 30 días' },
    chartPeriods: { day: 'hoy', week: 'últimos 7 días', month: 'últimos 30 días' },
    summary: '**{{charged}}** cobrados por {{jobs}} · {{refunds}} ({{refunded}} devueltos)',
    absorbed: '{{amount}} por encima de lo estimado, pagados por el bot',
    jobs_one: '{{count, number}} trabajo',
    jobs_many: '{{count, number}} de trabajos',
    jobs_other: '{{count, number}} trabajos',
    refunds_one: '{{count, number}} reembolso',
    refunds_many: '{{count, number}} de reembolsos',
    refunds_other: '{{count, number}} reembolsos',
    photoAvatars_one: '{{count, number}} avatar de foto',
    photoAvatars_many: '{{count, number}} de avatares de foto',
    photoAvatars_other: '{{count, number}} avatares de foto',
    voiceClones_one: '{{count, number}} voz clonada',
    voiceClones_many: '{{count, number}} de voces clonadas',
    voiceClones_other: '{{count, number}} voces clonadas',
    topMembers: 'Miembros que más gastan',
    byModel: 'Por modelo',
    byTier: 'Por nivel de vídeo',
    likeness: 'Imagen y voz de los miembros',
  },
} as const;
