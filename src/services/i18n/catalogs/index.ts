import type { Language } from '../../../locales.js';
import type { Catalog } from '../catalog-types.js';
import { de } from './de.js';
import { en } from './en.js';
import { esES } from './es-ES.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ptBR } from './pt-BR.js';

/** Every reply catalog by language; a language missing here fails to compile (see src/locales.ts). */
export const CATALOGS: Readonly<Record<Language, Catalog>> = {
  en,
  de,
  fr,
  'es-ES': esES,
  'pt-BR': ptBR,
  ja,
};
