import { avatarModule } from './avatar.js';
import type { CommandModule } from './types.js';

/** Every command the bot registers and routes, in the order /help lists them. */
export const COMMAND_MODULES: readonly CommandModule[] = [avatarModule];
