import { createLogger } from '../../src/logger.js';
import { startDiscordEmulator } from './index.js';
import { seedSandboxGuild } from './sandbox-seed.js';

/** `npm run emulator`: a local Discord with the "Sandbox" guild, for the bot and the playground page. */

const port = Number(process.env.SANDBOX_DISCORD_PORT ?? 4100);
const botToken = process.env.SANDBOX_DISCORD_TOKEN ?? 'sandbox-token';

const emulator = await startDiscordEmulator({
  port,
  botToken,
  logger: createLogger({ level: process.env.LOG_LEVEL ?? 'info', pretty: process.stdout.isTTY }),
});
const guild = seedSandboxGuild(emulator);

console.log(`Discord emulator listening on ${emulator.apiUrl}`);
console.log(
  `  guild "${guild.name}" (${guild.id}): #general ${guild.channels.general}, #studio ${guild.channels.studio}`,
);
console.log(`  members: ${Object.keys(guild.members).join(', ')}; application ${emulator.applicationId}`);
console.log(`  driver: ${emulator.origin}/_emulator/state`);

const shutdown = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
