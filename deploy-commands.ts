import { ConfigError, loadConfig } from './src/config.js';
import { deployCommands } from './src/deploy.js';

/** `npm run deploy-commands`: registers the slash commands (in DISCORD_GUILD_ID only, when set). */
try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    console.error('DISCORD_TOKEN is not set: put your bot token in .env (see .env.example).');
    process.exit(78);
  }
  const result = await deployCommands({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    clientId: config.DISCORD_CLIENT_ID,
    guildId: config.DISCORD_GUILD_ID,
  });
  const names = result.registered.map((command) => `/${command.name}`).join(', ');
  console.log(
    result.scope === 'guild'
      ? `Registered ${result.registered.length} commands in guild ${config.DISCORD_GUILD_ID}: ${names}`
      : `Registered ${result.registered.length} global commands: ${names} (they can take up to an hour to appear)`,
  );
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : `Could not register commands: ${String(error)}`,
  );
  process.exit(1);
}
