export type { Catalog, Message, MessageKey, MessageValue, MessageVars } from './catalog-types.js';
export { createI18n, type I18n, type Translator } from './translator.js';
export { forChannel, forMember } from './audience.js';
