import { Client, Events, GatewayIntentBits } from 'discord.js';

/**
 * The baseline for ACK latency: a bare discord.js bot that answers every command with "ok" and
 * does nothing else, run as its own process exactly like the real bot. Env: BARE_API_URL, BARE_TOKEN.
 */
const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.BARE_API_URL ?? '' },
});
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isRepliable()) void interaction.reply({ content: 'ok' }).catch(() => undefined);
});
client.once(Events.ClientReady, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  void client.destroy().then(() => process.exit(0));
});
void client.login(process.env.BARE_TOKEN ?? '');
