import { animateModule } from './animate.js';
import { avatarModule } from './avatar.js';
import { creditsModule } from './credits.js';
import { galleryModule } from './gallery.js';
import { helpModule } from './help.js';
import { quotaModule } from './quota.js';
import { voiceModule } from './voice.js';
import type { CommandModule } from './types.js';

/** Every command the bot registers and routes, in the order /help lists them. */
export const COMMAND_MODULES: readonly CommandModule[] = [
  avatarModule,
  animateModule,
  voiceModule,
  galleryModule,
  creditsModule,
  quotaModule,
  helpModule,
];
