import { animateCommandData } from './animate.js';
import { avatarCommandData } from './avatar.js';
import { creditsCommandData } from './credits.js';
import { galleryCommandData } from './gallery.js';
import { helpCommandData } from './help.js';
import { quotaCommandData } from './quota.js';
import { voiceCommandData } from './voice.js';

/**
 * Every command the bot registers, as Discord takes it, in the order /help lists them. Data only:
 * deploy-commands and /help import this without loading a single service.
 */
export const COMMAND_DATA = [
  avatarCommandData,
  animateCommandData,
  voiceCommandData,
  galleryCommandData,
  creditsCommandData,
  quotaCommandData,
  helpCommandData,
] as const;
