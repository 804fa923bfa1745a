import { MODEL_INFO, TIER_SPECS } from '../../../percify-catalog.js';
import type { CommandTranslations } from './types.js';

const member = { name: 'miembro', description: 'De quién son los créditos' };
const reason = { name: 'motivo', description: 'Por qué (se guarda en el registro de auditoría)' };
const channel = { name: 'canal', description: 'Un canal de texto' };
const phrase = { name: 'frase', description: 'Una palabra o frase' };

export const esES: CommandTranslations = {
  avatar: {
    description: 'Crea avatares con IA a partir de una descripción o de una foto tuya',
    options: {
      prompt: {
        name: 'descripción',
        description: 'Cómo es el avatar (déjalo vacío para escribir una descripción larga en un formulario)',
      },
      photo: { name: 'foto', description: 'Una foto tuya (PNG, JPEG o WebP) para convertirla en avatar, 10 créditos' },
      model: {
        name: 'modelo',
        description: 'Qué modelo de Percify lo dibuja',
        choices: {
          flux: `flux — rápido, ${MODEL_INFO.flux.credits} créditos`,
          imagen3: `imagen3 — alta calidad, ${MODEL_INFO.imagen3.credits} créditos`,
          reality4: `reality4 — ultrarrealista, ${MODEL_INFO.reality4.credits} créditos`,
        },
      },
      style: {
        name: 'estilo',
        description: 'Un estilo predefinido',
        choices: {
          professional: 'profesional',
          anime: 'anime',
          fantasy: 'fantasía',
          cyberpunk: 'cyberpunk',
          renaissance: 'renacentista',
          realistic: 'realista',
        },
      },
      aspect_ratio: { name: 'proporción', description: 'Forma de la imagen (por defecto 1:1)' },
      negative_prompt: { name: 'excluir', description: 'Lo que no debe salir en la imagen' },
      guidance: {
        name: 'fidelidad',
        description: 'Cuánto seguir la descripción, 1–20 (7–15 funciona mejor)',
      },
      seed: { name: 'semilla', description: 'Reutiliza una semilla para repetir un resultado (aleatoria si está vacía)' },
      variations: {
        name: 'variantes',
        description: 'Cuántas imágenes, cada una se cobra (/help muestra el máximo de este servidor)',
      },
    },
  },
  animate: {
    description: 'Convierte uno de tus avatares en un vídeo corto',
    options: {
      avatar: { name: 'avatar', description: 'Qué avatar (escribe su descripción o su id)' },
      duration: { name: 'duración', description: 'Duración en segundos, desde 3 (/help muestra el máximo de este servidor)' },
      tier: {
        name: 'nivel',
        description: 'Nivel de Video Studio (por defecto basic)',
        choices: {
          basic: `basic — ${TIER_SPECS.basic.resolution}, 30 fps`,
          'reality-lab': `reality-lab — ${TIER_SPECS['reality-lab'].resolution}, 30/60 fps`,
        },
      },
      motion: {
        name: 'movimiento',
        description: 'Cuánto se mueve el avatar (por defecto moderado)',
        choices: {
          subtle: 'sutil — respiración, parpadeos suaves',
          moderate: 'moderado — movimientos de cabeza naturales',
          dynamic: 'dinámico — movimiento amplio, dramático',
        },
      },
      fps: { name: 'fps', description: 'Fotogramas por segundo (60 solo con reality-lab)', choices: { 60: '60 (reality-lab)' } },
      format: { name: 'formato', description: 'Formato del archivo (por defecto mp4)', choices: { mov: 'mov (reality-lab)' } },
      speech: { name: 'frase', description: 'Una frase que dice el avatar, con sincronización labial' },
      voice: { name: 'voz', description: 'La voz de la frase' },
      language: { name: 'idioma', description: 'El idioma de la frase (por defecto: el tuyo)' },
    },
  },
  voice: {
    description: 'Clona tu propia voz para tus vídeos, mira o borra tus voces',
    options: {
      clone: {
        description: 'Clona tu voz a partir de una grabación (de 15 s a 5 min), 5 créditos una vez',
        options: {
          sample: {
            name: 'grabación',
            description: 'Una grabación de tu propia voz: WAV, MP3, FLAC o M4A, de 15 s a 5 min',
          },
          name: { name: 'nombre', description: 'Cómo se llamará esta voz en tus listas' },
        },
      },
      list: { description: 'Muestra las voces que has clonado' },
      delete: {
        description: 'Borra una de tus voces, aquí y en Percify',
        options: { voice: { name: 'voz', description: 'Cuál de tus voces' } },
      },
    },
  },
  gallery: {
    description: 'Tus últimos avatares y vídeos, con sus id para /animate',
    options: { member: { name: 'miembro', description: 'La galería de otro miembro (requiere Gestionar servidor)' } },
  },
  credits: {
    description: 'Mira cuántos créditos puedes gastar y tus últimos cobros',
    options: { member: { name: 'miembro', description: 'Admins: ver los créditos de otro miembro' } },
  },
  quota: {
    description: 'Configura las asignaciones, el presupuesto y los límites de créditos del servidor (admins)',
    options: {
      view: { description: 'Muestra toda la configuración de cuotas del servidor' },
      allowance: {
        description: 'Fija los créditos diarios de cada miembro',
        options: { credits: { name: 'créditos', description: 'Créditos por miembro y día' } },
      },
      role: {
        description: 'Da a un rol su propia asignación diaria (0 la quita)',
        options: {
          role: { name: 'rol', description: 'El rol' },
          credits: { name: 'créditos', description: 'Créditos al día para los miembros con este rol (0 la quita)' },
        },
      },
      budget: {
        description: 'Limita lo que gasta todo el servidor al día o al mes (0 quita el límite)',
        options: {
          credits: { name: 'créditos', description: 'Créditos que puede gastar todo el servidor por periodo (0 lo quita)' },
          period: {
            name: 'periodo',
            description: 'Por día o por mes (por defecto: como antes, si no, día)',
            choices: { day: 'día', month: 'mes' },
          },
          show: { name: 'mostrar', description: 'Mostrar en /credits lo que queda del presupuesto' },
        },
      },
      limits: {
        description: 'Limita trabajos, variantes, duración de vídeo, modelos y niveles',
        options: {
          concurrent_jobs: { name: 'trabajos_simultáneos', description: 'Trabajos que un miembro puede tener a la vez' },
          max_variations: { name: 'variantes_máx', description: 'Máximo de imágenes por /avatar' },
          max_video_seconds: { name: 'segundos_vídeo_máx', description: 'Vídeo más largo, en segundos' },
          models: {
            name: 'modelos',
            description: 'Modelos de avatar permitidos, separados por comas: flux, imagen3, reality4 (o "all")',
          },
          default_model: { name: 'modelo_por_defecto', description: 'El modelo que se usa cuando un miembro no elige ninguno' },
          tiers: {
            name: 'niveles',
            description: 'Niveles de vídeo permitidos',
            choices: {
              'basic,reality-lab': 'basic y reality-lab',
              basic: 'solo basic',
              'reality-lab': 'solo reality-lab',
            },
          },
          confirm_above: { name: 'confirmar_desde', description: 'Pedir confirmación para trabajos que cuesten más que esto' },
        },
      },
      grant: {
        description: 'Regala a un miembro créditos que duran hasta que los gaste',
        options: { member, credits: { name: 'créditos', description: 'Cuántos créditos regalar' }, reason },
      },
      revoke: {
        description: 'Retira parte de los créditos regalados a un miembro',
        options: { member, credits: { name: 'créditos', description: 'Cuántos créditos regalados retirar' }, reason },
      },
      channels: {
        description: 'Dónde funcionan los comandos de creación (lista vacía: en todas partes)',
        options: {
          add: { description: 'Permite un canal', options: { channel } },
          remove: { description: 'Deja de permitir un canal', options: { channel } },
          clear: { description: 'Vuelve a permitir todos los canales' },
        },
      },
      blocklist: {
        description: 'Palabras y frases rechazadas en las descripciones, antes de gastar nada',
        options: {
          add: { description: 'Bloquea una palabra o frase', options: { phrase } },
          remove: { description: 'Desbloquea una palabra o frase', options: { phrase } },
          list: { description: 'Muestra las palabras y frases bloqueadas' },
        },
      },
      alerts: {
        description: 'Elige dónde avisa el bot a los admins (sin canal: sin avisos)',
        options: { channel: { name: 'canal', description: 'Un canal de texto para los avisos' } },
      },
      features: {
        description: 'Activa o desactiva los avatares con foto y la clonación de voz (sin opciones: verlas)',
        options: {
          photo_avatars: { name: 'avatares_foto', description: 'Avatares a partir de fotos de los miembros (/avatar photo:)' },
          voice_cloning: { name: 'clonación_voz', description: 'Los miembros clonan su propia voz (/voice clone)' },
        },
      },
      usage: {
        description: 'Créditos gastados, miembros principales, modelos y niveles, con un gráfico',
        options: {
          period: {
            name: 'periodo',
            description: 'Hasta cuándo mirar (por defecto: semana)',
            choices: { day: 'hoy', week: 'últimos 7 días', month: 'últimos 30 días' },
          },
          compare: { name: 'comparar', description: 'Comparar también cada trabajo con el historial de créditos de Percify' },
        },
      },
    },
  },
  help: { description: 'Qué hace este bot, cuánto cuesta cada cosa y tus créditos' },
};
