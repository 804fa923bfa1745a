import type { EmulatorDriver } from './driver.js';
import type { GuildSeed, SeededGuild } from './seed.js';

/** The guild `npm run emulator` and the sandbox mode start with. */
export const SANDBOX_GUILD: GuildSeed = {
  name: 'Sandbox',
  boostTier: 0,
  channels: [
    { name: 'general', topic: 'Say hello to the bot' },
    { name: 'studio', topic: 'Make avatars and videos' },
  ],
  members: [
    { username: 'ada', globalName: 'Ada (admin)', admin: true, owner: true },
    { username: 'ben', globalName: 'Ben' },
    { username: 'cleo', globalName: 'Cleo' },
  ],
};

export function seedSandboxGuild(emulator: { driver: EmulatorDriver }): SeededGuild {
  return emulator.driver.seedGuild(SANDBOX_GUILD);
}
