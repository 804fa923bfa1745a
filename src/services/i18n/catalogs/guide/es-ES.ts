/** The `guide` group in es-ES: see ../../README.md for who owns which area. */
export const guide = {
  failures: {
    policyStopped: {
      avatar: '🚫 La política de contenido de Percify ha frenado esta. Prueba a reformular el prompt.',
      audio: '🚫 La política de contenido de Percify ha frenado esta. Prueba a reformular la frase hablada.',
      video: '🚫 La política de contenido de Percify ha frenado esta. Prueba con otro avatar.',
      lipsync:
        '🚫 La política de contenido de Percify ha frenado esta. Prueba con otro avatar u otra frase hablada.',
    },
    policyRefused: {
      avatar:
        '🚫 La política de contenido de Percify ha rechazado esto{{categories}}. Prueba a reformular el prompt.',
      audio:
        '🚫 La política de contenido de Percify ha rechazado esto{{categories}}. Prueba a reformular la frase hablada.',
      video:
        '🚫 La política de contenido de Percify ha rechazado esto{{categories}}. Prueba con otro avatar.',
      lipsync:
        '🚫 La política de contenido de Percify ha rechazado esto{{categories}}. Prueba con otro avatar u otra frase hablada.',
    },
    operatorOutOfCredits:
      'La cuenta de Percify del servidor se ha quedado sin créditos. No tiene que ver con tu saldo: un admin del servidor tiene que recargar la cuenta.',
    planLimit: 'El plan de Percify del servidor ha llegado a su límite diario. Vuelve a intentarlo mañana.',
    notFinished:
      'Percify no ha podido terminar esta; no ha sido por tu prompt ni por tus ajustes. Vuelve a intentarlo en un momento.',
    somethingWentWrong:
      'Algo ha fallado al consultar a Percify. Vuelve a intentarlo en un momento; si sigue pasando, avisa a un admin del servidor.',
    invalidImage:
      'Percify no ha podido abrir la imagen de este avatar (puede que se haya borrado). Elige otro avatar.',
    avatarNotCompleted: 'El avatar todavía se está terminando. Vuelve a intentarlo en un minuto.',
    avatarNotFound: 'Percify no ha encontrado ese avatar (puede que se haya borrado). Elige otro.',
    invalidDuration: 'Percify ha rechazado esta duración de vídeo. Prueba con una más corta.',
    voiceNotFound: 'La voz elegida ya no existe. Elige otra.',
    textTooLong: 'El texto que hay que decir es demasiado largo. Acórtalo y vuelve a intentarlo.',
    unsupportedLanguage: 'Percify todavía no puede hablar el idioma de este texto. Prueba en inglés.',
    rateLimited: 'Percify estaba demasiado ocupado para terminar esta. Vuelve a intentarlo en un minuto.',
    timeout: 'Percify ha tardado demasiado con esta. Vuelve a intentarlo en un momento.',
    invalidRequest: 'Percify no ha aceptado estos ajustes. Prueba a cambiarlos o usa un prompt más corto.',
    percifyAuth:
      'El bot no puede usar Percify ahora mismo (se ha rechazado su acceso). Un admin del servidor tiene que revisar la configuración.',
    settingsNotAllowed: 'Estos ajustes no están permitidos ({{field}}).',
    notFound:
      'Percify no ha encontrado lo que hace falta para esto (puede que se haya borrado). Vuelve a intentarlo con otro.',
    videoLength:
      'Percify ha rechazado un clip de {{seconds}} segundos: los vídeos {{tier}} duran de {{min}} a {{max}} segundos.',
    videoSettingsNotAllowed: 'Estos ajustes de vídeo no están permitidos ({{field}}).',
    photoGone: 'Ya no se puede leer tu foto desde Discord. Vuelve a usar `/avatar photo:` con la imagen.',
    photoChanged:
      'Tu foto ya no se puede usar: ya no es una imagen que Percify acepte. Vuelve a usar `/avatar photo:` con la imagen.',
    photoRefused:
      'Percify no ha podido usar esta foto. Prueba con una foto nítida, de frente y bien iluminada, de una sola cara.',
    undeliverable: 'No se ha podido publicar el resultado aquí.',
    timedOut: 'Percify no lo ha terminado a tiempo.',
    submitGaveUp: 'No se ha podido contactar con Percify durante un rato.',
    waitedTooLong:
      'Este trabajo ha esperado demasiado a que quedara un hueco libre: el bot está muy ocupado ahora mismo.',
  },
  delivery: {
    lateNote: '🎁 Al final se ha terminado, después de darlo por perdido, así que es gratis.',
    ready: 'tu resultado está listo.',
  },
  jobs: {
    unknown: 'Este resultado ya no está disponible. Vuelve a usar el comando para crear uno nuevo.',
    notOwner: 'Este resultado es de otra persona. ¡Crea el tuyo con `/avatar`!',
  },
  policy: {
    channel: {
      avatar: 'En este servidor, los avatares se crean en {{where}}. ¡Prueba allí! No se ha cobrado nada.',
      video: 'En este servidor, los vídeos se crean en {{where}}. ¡Prueba allí! No se ha cobrado nada.',
      voice: 'En este servidor, las voces se crean en {{where}}. ¡Prueba allí! No se ha cobrado nada.',
    },
    blocked: {
      voiceName:
        'El nombre de tu voz contiene «{{phrase}}», y este servidor no lo permite. Reformúlalo y vuelve a intentarlo; no se ha cobrado nada.',
      prompt:
        'Tu prompt contiene «{{phrase}}», y este servidor no lo permite. Reformúlalo y vuelve a intentarlo; no se ha cobrado nada.',
      negativePrompt:
        'Tu prompt negativo contiene «{{phrase}}», y este servidor no lo permite. Reformúlalo y vuelve a intentarlo; no se ha cobrado nada.',
      spokenLine:
        'Tu frase hablada contiene «{{phrase}}», y este servidor no lo permite. Reformúlala y vuelve a intentarlo; no se ha cobrado nada.',
      avatarPrompt:
        'El prompt de este avatar contiene «{{phrase}}», y este servidor no lo permite. Reformúlalo y vuelve a intentarlo; no se ha cobrado nada.',
    },
    voiceNotYours: 'No puedes usar esa voz. Elige una de las tuyas o una predefinida de la lista.',
    modelOff: 'El modelo {{model}} está desactivado en este servidor. Puedes usar: {{allowed}}.',
    tooManyVariations_one: 'Este servidor permite hasta {{count, number}} variación a la vez. Pide menos.',
    tooManyVariations_many:
      'Este servidor permite hasta {{count, number}} de variaciones a la vez. Pide menos.',
    tooManyVariations_other:
      'Este servidor permite hasta {{count, number}} variaciones a la vez. Pide menos.',
    featureOff: {
      photoAvatars:
        'Los avatares a partir de fotos están desactivados en este servidor. `/avatar` con un prompt sigue funcionando.',
      voiceCloning:
        'La clonación de voz está desactivada en este servidor. Las voces predefinidas siguen funcionando en `/animate`.',
    },
    tierOff: 'El nivel {{tier}} está desactivado en este servidor. Prueba `tier:{{example}}`.',
    durationLimit:
      'Este servidor permite vídeos de hasta {{seconds, number}} segundos. Elige una duración más corta.',
  },
  afford: {
    notEnough:
      '💳 No tienes créditos suficientes: esto cuesta **{{price}}** y {{have}}. {{instead}} {{resets}} No se ha cobrado nada.',
    haveOwn: 'tienes {{amount}}',
    haveBudgetDay: 'al presupuesto diario del servidor le quedan {{amount}}',
    haveBudgetMonth: 'al presupuesto mensual del servidor le quedan {{amount}}',
    fits: 'Con eso podrías hacer {{fits}}.',
    nothingFits: 'Ahora mismo no cabe nada más pequeño.',
    budgetResets: 'El presupuesto se renueva {{when}}.',
    allowanceResets: 'Tu asignación se renueva {{when}}.',
    images_one: 'una imagen {{model}} ({{cost}})',
    images_many: '{{count, number}} de imágenes {{model}} ({{cost}})',
    images_other: '{{count, number}} imágenes {{model}} ({{cost}})',
    video: 'un vídeo {{tier}} de {{seconds, number}} s ({{cost}})',
    videoWithLine: 'un vídeo {{tier}} de {{seconds, number}} s con la frase ({{cost}})',
  },
  help: {
    title: '✨ Avatares y vídeos de Percify',
    description:
      'Crea avatares con IA a partir de un prompt con `/avatar` y luego dale vida a uno en un vídeo corto, con una frase hablada y sincronizada con los labios si quieres. Los precios van en créditos del servidor, iguales que los créditos de Percify; un trabajo que falla no cuesta nada.',
    fields: {
      commands: 'Comandos',
      avatars: 'Avatares',
      videos: 'Vídeos',
      voice: 'Voz',
      balance: 'Tu saldo',
      more: 'Conseguir más créditos',
    },
    noCommands: 'Ninguno todavía.',
    forAdmins: '**Para admins:** {{commands}}',
    models: { flux: 'Rápido', imagen3: 'Alta calidad', reality4: 'Ultrarrealista' },
    avatarPrice: '**{{model}}** · {{label}}: {{price}} por imagen',
    offHere: '~~{{line}}~~ · desactivado en este servidor',
    maxVariations: 'Hasta {{count, number}} por /avatar',
    videoPrice: '{{base}} hasta {{included, number}} s, luego +{{perSecond, number}} por segundo',
    tierName: '**{{tier}}**: {{price}}',
    tierDetails: '{{min, number}}–{{max, number}} s · {{resolution}}, {{fps}} fps',
    voicePrice:
      '**Frase hablada** (sincronizada con los labios): {{base}} + {{perSecond, number}} por segundo de voz',
    photoPrice: '**A partir de tu foto** (`/avatar photo:`): {{price}}',
    clonePrice: '**Tu propia voz** (`/voice clone`): {{price}} una vez por voz',
    spendNow: '**{{amount}}** para gastar ahora',
    allowanceLeft: 'quedan {{left, number}} de la asignación de hoy de {{allowance, number}}',
    granted: '{{count, number}} regalados',
    held: '{{count, number}} reservados para trabajos en curso',
    details: '({{details}})',
    separator: ', ',
    budgetDay:
      'Presupuesto del servidor: quedan {{left, number}} de {{total, number}} hoy, se renueva {{when}}',
    budgetMonth:
      'Presupuesto del servidor: quedan {{left, number}} de {{total, number}} este mes, se renueva {{when}}',
    allowanceRefills: 'Tu asignación diaria de {{amount}} se recarga {{when}}.',
    roles: 'Algunos roles reciben más cada día: {{roles}}.',
    askAdmin: '¿Necesitas más hoy? Pídeselo a un admin del servidor: puede regalarte créditos.',
  },
} as const;
