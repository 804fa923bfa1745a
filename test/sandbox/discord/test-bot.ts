import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { TEST_COMMANDS } from './test-commands.js';

/**
 * A small but real discord.js bot for the emulator's tests: each command exercises one Discord flow.
 * Handlers that must wait for the test (late answers, expired tokens) block on a gate the test opens.
 */

const STYLES = ['anime', 'cyberpunk', 'fantasy', 'professional', 'realistic', 'renaissance'];

export interface TestBot {
  client: Client;
  /** Errors the handlers caught, with Discord's code. */
  errors: { command: string; code: number | string; status?: number; message: string }[];
  /** Makes the next `/gated` run wait at `stage` until the returned function is called. */
  hold(stage: 'before' | 'after-defer'): () => void;
  destroy(): Promise<void>;
}

export async function startTestBot(options: {
  apiUrl: string;
  token: string;
  register?: boolean;
  /** Where `/gated action:post` posts; the test sets it. */
  postChannelId?: () => string;
}): Promise<TestBot> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: options.apiUrl } });
  const errors: TestBot['errors'] = [];
  const gates = new Map<string, Promise<void>>();
  const hold = (stage: string): (() => void) => {
    let release = (): void => undefined;
    gates.set(stage, new Promise<void>((resolve) => (release = resolve)));
    return () => release();
  };
  const pass = async (stage: string): Promise<void> => {
    const gate = gates.get(stage);
    gates.delete(stage);
    await gate;
  };
  const record = (command: string, error: unknown): void => {
    if (error instanceof DiscordAPIError)
      errors.push({ command, code: error.code, status: error.status, message: error.message });
    else
      errors.push({
        command,
        code: 'unknown',
        message: error instanceof Error ? error.message : String(error),
      });
  };
  // A rejected listener becomes a client error event; without a listener it would crash the test process.
  client.on(Events.Error, (error) => record('client', error));
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction, { pass, postChannelId: options.postChannelId }).catch((error: unknown) =>
      record(interaction.isChatInputCommand() ? interaction.commandName : 'component', error),
    );
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  if (options.register !== false) await client.application?.commands.set(TEST_COMMANDS);
  return {
    client,
    errors,
    hold: (stage) => hold(stage),
    destroy: () => client.destroy(),
  };
}

interface Helpers {
  pass(stage: string): Promise<void>;
  postChannelId: (() => string) | undefined;
}

async function handle(interaction: Interaction, helpers: Helpers): Promise<void> {
  if (interaction.isAutocomplete() && interaction.commandName === 'search') {
    const typed = interaction.options.getFocused().toLowerCase();
    const matches = STYLES.filter((s) => s.startsWith(typed));
    await interaction.respond(matches.map((s) => ({ name: s, value: s })));
    return;
  }
  if (interaction.isAutocomplete() && interaction.commandName === 'roll') {
    // Answers with the other options it was sent, so a test sees what reached the bot.
    const others = interaction.options.data.filter((o) => !o.focused);
    const seen = others.map((o) => `${o.name}=${String(o.value)}`).join(' ') || 'nothing else';
    await interaction.respond([{ name: seen, value: 'seen' }]);
    return;
  }
  if (interaction.isChatInputCommand()) return command(interaction, helpers);
  if (interaction.isButton() && interaction.customId.startsWith('count:')) {
    const next = Number(interaction.customId.slice('count:'.length)) + 1;
    await interaction.update({ content: `Count: ${next}`, components: [counterRow(next)] });
    return;
  }
  if (interaction.isButton() && interaction.customId === 'later') {
    await interaction.deferUpdate();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await interaction.editReply({ content: 'Updated later', components: [] });
    return;
  }
  if (interaction.isStringSelectMenu() && interaction.customId === 'flavour') {
    await interaction.update({ content: `You picked ${interaction.values.join(', ')}`, components: [] });
    return;
  }
  if (interaction.isModalSubmit() && interaction.customId === 'label-form') {
    const name = interaction.fields.getTextInputValue('name');
    const mood = interaction.fields.getTextInputValue('mood') || 'none';
    await interaction.reply({ content: `${name} feels ${mood}`, flags: MessageFlags.Ephemeral });
    return;
  }
  if (interaction.isModalSubmit() && interaction.customId === 'prompt-form') {
    const prompt = interaction.fields.getTextInputValue('prompt');
    await interaction.reply({ content: `Prompt received: ${prompt}` });
  }
}

function counterRow(count: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`count:${count}`).setLabel('Add one').setStyle(ButtonStyle.Primary),
    new ButtonBuilder().setCustomId('later').setLabel('Later').setStyle(ButtonStyle.Secondary),
  );
}

async function command(interaction: ChatInputCommandInteraction, helpers: Helpers): Promise<void> {
  switch (interaction.commandName) {
    case 'hello':
      await interaction.reply({
        content: `Hello, ${interaction.user.username}!`,
        embeds: [
          new EmbedBuilder()
            .setTitle('Welcome')
            .setDescription(`You are in ${interaction.guild?.name ?? 'a DM'}`),
        ],
      });
      return;
    case 'slow':
      await interaction.deferReply();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await interaction.editReply({ content: 'Done after a while' });
      return;
    case 'secret':
      await interaction.reply({ content: 'Only you can see this', flags: MessageFlags.Ephemeral });
      return;
    case 'follow': {
      const first = await interaction.reply({ content: 'First', withResponse: true });
      await interaction.followUp({ content: `Second, after ${first.resource?.message?.id ?? 'nothing'}` });
      return;
    }
    case 'temp': {
      await interaction.reply({ content: 'Soon gone' });
      const fetched = await interaction.fetchReply();
      await interaction.followUp({ content: `Fetched ${fetched.content}`, flags: MessageFlags.Ephemeral });
      await interaction.deleteReply();
      return;
    }
    case 'dm': {
      const dm = await interaction.user.send('psst');
      await interaction.reply({
        content: `Sent ${dm.channel.isDMBased() ? 'a DM' : 'something else'}`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    case 'whois': {
      const target = interaction.options.getUser('user', true);
      const member = await interaction.guild?.members.fetch({ user: target.id, force: true });
      const roles = await interaction.guild?.roles.fetch();
      const names = member?.roles.cache.filter((r) => r.id !== interaction.guildId).map((r) => r.name) ?? [];
      await interaction.reply({
        content: `${member?.user.username ?? '?'}: ${names.join(', ') || 'no roles'} of ${roles?.size ?? 0}`,
      });
      return;
    }
    case 'counter':
      await interaction.reply({ content: 'Count: 0', components: [counterRow(0)] });
      return;
    case 'form': {
      const input = new TextInputBuilder()
        .setCustomId('prompt')
        .setLabel('Prompt')
        .setStyle(TextInputStyle.Paragraph);
      const modal = new ModalBuilder()
        .setCustomId('prompt-form')
        .setTitle('Describe your avatar')
        .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
      await interaction.showModal(modal);
      return;
    }
    case 'form-label': {
      const modal = new ModalBuilder()
        .setCustomId('label-form')
        .setTitle('Two questions')
        .addLabelComponents(
          (label) =>
            label
              .setLabel('Name')
              .setTextInputComponent((input) => input.setCustomId('name').setStyle(TextInputStyle.Short)),
          (label) =>
            label
              .setLabel('Mood')
              .setDescription('Optional')
              .setTextInputComponent((input) =>
                input.setCustomId('mood').setStyle(TextInputStyle.Short).setRequired(false),
              ),
        );
      await interaction.showModal(modal);
      return;
    }
    case 'pick': {
      const select = new StringSelectMenuBuilder()
        .setCustomId('flavour')
        .setPlaceholder('Pick a flavour')
        .addOptions({ label: 'Vanilla', value: 'vanilla' }, { label: 'Mint', value: 'mint' });
      await interaction.reply({
        content: 'Pick one',
        components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)],
      });
      return;
    }
    case 'echo': {
      const file = interaction.options.getAttachment('file', true);
      const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
      await interaction.reply({
        content: `Got ${file.name} (${file.size} bytes, ${file.contentType ?? '?'})`,
        files: [new AttachmentBuilder(bytes, { name: `echo-${file.name}` })],
      });
      return;
    }
    case 'quota': {
      const sub = interaction.options.getSubcommand();
      const credits = interaction.options.getInteger('credits', true);
      const role = interaction.options.getRole('role');
      await interaction.reply({ content: `${sub}: ${credits} credits for ${role?.name ?? 'everyone'}` });
      return;
    }
    case 'roll': {
      const sent = interaction.options.data.map((o) => `${o.name}=${String(o.value)}`).join(' ');
      await interaction.reply({ content: `rolled ${sent}` });
      return;
    }
    case 'gated':
      return gated(interaction, helpers);
  }
}

async function gated(interaction: ChatInputCommandInteraction, helpers: Helpers): Promise<void> {
  const action = interaction.options.getString('action', true);
  await helpers.pass('before');
  if (action === 'reply') {
    await interaction.reply({ content: 'Late answer' });
    return;
  }
  if (action === 'defer-then-edit') {
    await interaction.deferReply();
    await helpers.pass('after-defer');
    await interaction.editReply({ content: 'Much later' });
    return;
  }
  await interaction.deferReply();
  const channel = await interaction.client.channels.fetch(helpers.postChannelId?.() ?? interaction.channelId);
  if (!channel?.isSendable()) throw new Error('channel not sendable');
  await channel.send({ content: 'Posted in a channel' });
  await interaction.editReply({ content: 'posted' });
}
