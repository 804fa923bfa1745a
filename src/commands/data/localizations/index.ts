import type { Language } from '../../../locales.js';
import { de } from './de.js';
import { esES } from './es-ES.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ptBR } from './pt-BR.js';
import type { CommandTranslations } from './types.js';

/** Every language but English, whose text is the command data itself (Discord's default). */
export const COMMAND_TRANSLATIONS: Readonly<Record<Exclude<Language, 'en'>, CommandTranslations>> = {
  de,
  fr,
  'es-ES': esES,
  'pt-BR': ptBR,
  ja,
};
