import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';

/** The test bot's commands, built with discord.js' own builders so the emulator sees what real bots send. */
export const TEST_COMMANDS = [
  new SlashCommandBuilder().setName('hello').setDescription('Say hello'),
  new SlashCommandBuilder().setName('slow').setDescription('Defer, then edit'),
  new SlashCommandBuilder().setName('secret').setDescription('Ephemeral reply'),
  new SlashCommandBuilder().setName('follow').setDescription('Reply and follow up'),
  new SlashCommandBuilder().setName('temp').setDescription('Reply, fetch the reply, delete it'),
  new SlashCommandBuilder().setName('dm').setDescription('Send the user a direct message'),
  new SlashCommandBuilder()
    .setName('whois')
    .setDescription('Fetch a member and the guild roles')
    .addUserOption((o) => o.setName('user').setDescription('Who').setRequired(true)),
  new SlashCommandBuilder().setName('counter').setDescription('A button that counts'),
  new SlashCommandBuilder().setName('form').setDescription('Open a modal'),
  new SlashCommandBuilder().setName('form-label').setDescription('Open a modal made of labels'),
  new SlashCommandBuilder().setName('pick').setDescription('A select menu'),
  new SlashCommandBuilder()
    .setName('search')
    .setDescription('Autocomplete')
    .addStringOption((o) =>
      o.setName('style').setDescription('Style').setRequired(true).setAutocomplete(true),
    ),
  new SlashCommandBuilder()
    .setName('echo')
    .setDescription('Send a file back')
    .addAttachmentOption((o) => o.setName('file').setDescription('File').setRequired(true)),
  new SlashCommandBuilder()
    .setName('quota')
    .setDescription('Quota')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('allowance')
        .setDescription('Set an allowance')
        .addIntegerOption((o) => o.setName('credits').setDescription('Credits').setRequired(true))
        .addRoleOption((o) => o.setName('role').setDescription('Role')),
    ),
  new SlashCommandBuilder()
    .setName('roll')
    .setDescription('Echoes options that carry every client-side rule')
    .addIntegerOption((o) =>
      o.setName('dice').setDescription('1 to 6').setRequired(true).setMinValue(1).setMaxValue(6),
    )
    .addNumberOption((o) => o.setName('scale').setDescription('0.5 to 2').setMinValue(0.5).setMaxValue(2))
    .addStringOption((o) =>
      o.setName('label').setDescription('2 to 5 characters').setMinLength(2).setMaxLength(5),
    )
    .addStringOption((o) =>
      o
        .setName('mode')
        .setDescription('A choice')
        .addChoices({ name: 'fast', value: 'fast' }, { name: 'slow', value: 'slow' }),
    )
    .addBooleanOption((o) => o.setName('loud').setDescription('True or false'))
    .addStringOption((o) => o.setName('topic').setDescription('Autocomplete').setAutocomplete(true)),
  new SlashCommandBuilder()
    .setName('gated')
    .setDescription('Waits for the test, then runs an action')
    .addStringOption((o) =>
      o
        .setName('action')
        .setDescription('What to do after the gate')
        .setRequired(true)
        .addChoices(
          { name: 'reply', value: 'reply' },
          { name: 'defer-then-edit', value: 'defer-then-edit' },
          { name: 'post', value: 'post' },
        ),
    ),
].map((c) => c.toJSON());
