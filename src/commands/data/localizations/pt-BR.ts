import { MODEL_INFO, TIER_SPECS } from '../../../percify-catalog.js';
import type { CommandTranslations } from './types.js';

const member = { name: 'membro', description: 'De quem são os créditos' };
const reason = { name: 'motivo', description: 'Por quê (fica no registro de auditoria)' };
const channel = { name: 'canal', description: 'Um canal de texto' };
const phrase = { name: 'frase', description: 'Uma palavra ou frase' };

export const ptBR: CommandTranslations = {
  avatar: {
    description: 'Crie avatares com IA a partir de uma descrição ou de uma foto sua',
    options: {
      prompt: {
        name: 'descrição',
        description: 'Como é o avatar (deixe vazio para escrever uma descrição longa num formulário)',
      },
      photo: { name: 'foto', description: 'Uma foto sua (PNG, JPEG ou WebP) para virar avatar, 10 créditos' },
      model: {
        name: 'modelo',
        description: 'Qual modelo da Percify desenha',
        choices: {
          flux: `flux — rápido, ${MODEL_INFO.flux.credits} créditos`,
          imagen3: `imagen3 — alta qualidade, ${MODEL_INFO.imagen3.credits} créditos`,
          reality4: `reality4 — ultrarrealista, ${MODEL_INFO.reality4.credits} créditos`,
        },
      },
      style: {
        name: 'estilo',
        description: 'Um estilo pronto',
        choices: {
          professional: 'profissional',
          anime: 'anime',
          fantasy: 'fantasia',
          cyberpunk: 'cyberpunk',
          renaissance: 'renascentista',
          realistic: 'realista',
        },
      },
      aspect_ratio: { name: 'proporção', description: 'Formato da imagem (padrão 1:1)' },
      negative_prompt: { name: 'excluir', description: 'O que deve ficar fora da imagem' },
      guidance: {
        name: 'fidelidade',
        description: 'Quanto seguir a descrição, 1–20 (7–15 funciona melhor)',
      },
      seed: { name: 'semente', description: 'Reutilize uma semente para repetir um resultado (aleatória se vazia)' },
      variations: {
        name: 'variações',
        description: 'Quantas imagens, cada uma é cobrada (/help mostra o máximo deste servidor)',
      },
    },
  },
  animate: {
    description: 'Transforme um dos seus avatares num vídeo curto',
    options: {
      avatar: { name: 'avatar', description: 'Qual avatar (digite a descrição ou o id dele)' },
      duration: { name: 'duração', description: 'Duração em segundos, a partir de 3 (/help mostra o máximo deste servidor)' },
      tier: {
        name: 'nível',
        description: 'Nível do Video Studio (padrão basic)',
        choices: {
          basic: `basic — ${TIER_SPECS.basic.resolution}, 30 fps`,
          'reality-lab': `reality-lab — ${TIER_SPECS['reality-lab'].resolution}, 30/60 fps`,
        },
      },
      motion: {
        name: 'movimento',
        description: 'Quanto o avatar se mexe (padrão moderado)',
        choices: {
          subtle: 'sutil — respiração, piscadas suaves',
          moderate: 'moderado — movimentos naturais da cabeça',
          dynamic: 'dinâmico — movimento amplo, dramático',
        },
      },
      fps: { name: 'fps', description: 'Quadros por segundo (60 só com reality-lab)', choices: { 60: '60 (reality-lab)' } },
      format: { name: 'formato', description: 'Formato do arquivo (padrão mp4)', choices: { mov: 'mov (reality-lab)' } },
      speech: { name: 'fala', description: 'Uma frase que o avatar diz, com sincronia labial' },
      voice: { name: 'voz', description: 'A voz da fala' },
      language: { name: 'idioma', description: 'O idioma da fala (padrão: o seu)' },
    },
  },
  voice: {
    description: 'Clone sua própria voz para seus vídeos, veja ou apague suas vozes',
    options: {
      clone: {
        description: 'Clone sua voz a partir de uma gravação (15 s a 5 min), 5 créditos uma vez',
        options: {
          sample: {
            name: 'gravação',
            description: 'Uma gravação da sua própria voz: WAV, MP3, FLAC ou M4A, 15 s a 5 min',
          },
          name: { name: 'nome', description: 'Como esta voz vai se chamar nas suas listas' },
        },
      },
      list: { description: 'Mostra as vozes que você clonou' },
      delete: {
        description: 'Apaga uma das suas vozes, aqui e na Percify',
        options: { voice: { name: 'voz', description: 'Qual das suas vozes' } },
      },
    },
  },
  gallery: {
    description: 'Seus últimos avatares e vídeos, com os ids para /animate',
    options: { member: { name: 'membro', description: 'A galeria de outro membro (precisa de Gerenciar servidor)' } },
  },
  credits: {
    description: 'Veja quantos créditos você pode gastar e suas últimas cobranças',
    options: { member: { name: 'membro', description: 'Admins: ver os créditos de outro membro' } },
  },
  quota: {
    description: 'Defina as cotas, o orçamento e os limites de créditos do servidor (admins)',
    options: {
      view: { description: 'Mostra toda a configuração de cotas do servidor' },
      allowance: {
        description: 'Define os créditos diários de cada membro',
        options: { credits: { name: 'créditos', description: 'Créditos por membro por dia' } },
      },
      role: {
        description: 'Dá a um cargo a própria cota diária (0 remove)',
        options: {
          role: { name: 'cargo', description: 'O cargo' },
          credits: { name: 'créditos', description: 'Créditos por dia para membros com este cargo (0 remove)' },
        },
      },
      budget: {
        description: 'Limita o que o servidor inteiro gasta por dia ou por mês (0 remove o limite)',
        options: {
          credits: { name: 'créditos', description: 'Créditos que o servidor inteiro pode gastar por período (0 remove)' },
          period: {
            name: 'período',
            description: 'Por dia ou por mês (padrão: como antes, senão dia)',
            choices: { day: 'dia', month: 'mês' },
          },
          show: { name: 'mostrar', description: 'Mostrar em /credits o que resta do orçamento' },
        },
      },
      limits: {
        description: 'Limita trabalhos, variações, duração de vídeo, modelos e níveis',
        options: {
          concurrent_jobs: { name: 'trabalhos_simultâneos', description: 'Trabalhos que um membro pode ter ao mesmo tempo' },
          max_variations: { name: 'variações_máx', description: 'Máximo de imagens por /avatar' },
          max_video_seconds: { name: 'segundos_vídeo_máx', description: 'Vídeo mais longo, em segundos' },
          models: {
            name: 'modelos',
            description: 'Modelos de avatar permitidos, separados por vírgula: flux, imagen3, reality4 (ou "all")',
          },
          default_model: { name: 'modelo_padrão', description: 'O modelo usado quando um membro não escolhe nenhum' },
          tiers: {
            name: 'níveis',
            description: 'Níveis de vídeo permitidos',
            choices: {
              'basic,reality-lab': 'basic e reality-lab',
              basic: 'só basic',
              'reality-lab': 'só reality-lab',
            },
          },
          confirm_above: { name: 'confirmar_acima', description: 'Pedir confirmação para trabalhos que custem mais que isso' },
        },
      },
      grant: {
        description: 'Dá a um membro créditos que ficam até serem gastos',
        options: { member, credits: { name: 'créditos', description: 'Quantos créditos dar' }, reason },
      },
      revoke: {
        description: 'Retira parte dos créditos dados a um membro',
        options: { member, credits: { name: 'créditos', description: 'Quantos créditos dados retirar' }, reason },
      },
      channels: {
        description: 'Onde os comandos de criação funcionam (lista vazia: em todo lugar)',
        options: {
          add: { description: 'Permite um canal', options: { channel } },
          remove: { description: 'Deixa de permitir um canal', options: { channel } },
          clear: { description: 'Permite todos os canais de novo' },
        },
      },
      blocklist: {
        description: 'Palavras e frases recusadas nas descrições, antes de gastar qualquer coisa',
        options: {
          add: { description: 'Bloqueia uma palavra ou frase', options: { phrase } },
          remove: { description: 'Desbloqueia uma palavra ou frase', options: { phrase } },
          list: { description: 'Mostra as palavras e frases bloqueadas' },
        },
      },
      alerts: {
        description: 'Escolha onde o bot avisa os admins (sem canal: sem avisos)',
        options: { channel: { name: 'canal', description: 'Um canal de texto para os avisos' } },
      },
      features: {
        description: 'Liga ou desliga avatares por foto e clonagem de voz (sem opções: ver como estão)',
        options: {
          photo_avatars: { name: 'avatares_foto', description: 'Avatares a partir de fotos dos membros (/avatar photo:)' },
          voice_cloning: { name: 'clonagem_voz', description: 'Membros clonam a própria voz (/voice clone)' },
        },
      },
      usage: {
        description: 'Créditos gastos, membros que mais usam, modelos e níveis, com um gráfico',
        options: {
          period: {
            name: 'período',
            description: 'Até quando olhar (padrão: semana)',
            choices: { day: 'hoje', week: 'últimos 7 dias', month: 'últimos 30 dias' },
          },
          compare: { name: 'comparar', description: 'Comparar também cada trabalho com o histórico de créditos da Percify' },
        },
      },
    },
  },
  help: { description: 'O que este bot faz, quanto custa cada coisa e seus créditos' },
};
