import { ApplicationCommandCreateRequestSchema } from 'discord-api-spec/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator, type SeededGuild } from '../sandbox/discord/index.js';
import { commandData } from '../src/deploy.js';
import { runTs } from '../sandbox/processes.js';

const TOKEN = 'deploy-test-token';
let emulator: DiscordEmulator;
let guild: SeededGuild;

beforeAll(async () => {
  emulator = await startDiscordEmulator({ botToken: TOKEN });
  guild = emulator.driver.seedGuild({ name: 'Deploy', channels: [{ name: 'general' }], members: [] });
});
afterAll(async () => {
  await emulator?.close();
});

describe('npm run deploy-commands', () => {
  it('registers every command in one guild when DISCORD_GUILD_ID is set', async () => {
    const result = await runTs('deploy-commands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_GUILD_ID: guild.id,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const names = commandData().map((command) => command.name);
    expect(result.stdout).toContain(`Registered ${names.length} commands in guild ${guild.id}`);
    expect(emulator.driver.commands(guild.id).map((command) => command.name)).toEqual(names);
    expect(emulator.driver.commands()).toEqual([]);
    // Discord keeps every language's names and descriptions, down to the options and choices.
    const registered = emulator.driver.commands(guild.id);
    const sent = commandData();
    expect(registered.map((command) => command.description_localizations)).toEqual(
      sent.map((command) => command.description_localizations),
    );
    expect(registered.map((command) => command.options)).toEqual(
      sent.map((command) => command.options ?? []),
    );
    expect(registered.find((command) => command.name === 'credits')?.description_localizations?.ja).toBe(
      '使えるクレジットと最近の支払いを確認します',
    );
  });

  it('registers globally without DISCORD_GUILD_ID, reading the application id from Discord', async () => {
    const result = await runTs('deploy-commands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: emulator.apiUrl,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('global commands');
    expect(emulator.driver.commands().map((command) => command.name)).toEqual(
      commandData().map((command) => command.name),
    );
  });

  it('says what is missing without a token, and fails on a wrong one', async () => {
    const missing = await runTs('deploy-commands.ts', { DISCORD_API_URL: emulator.apiUrl });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('DISCORD_TOKEN is not set');
    const wrong = await runTs('deploy-commands.ts', {
      DISCORD_TOKEN: 'nope',
      DISCORD_API_URL: emulator.apiUrl,
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('Could not register commands');
  });
});

describe('command data', () => {
  it.each(commandData().map((data) => [data.name, data] as const))(
    '/%s validates against Discord’s schema and is guild-only',
    (_name, data) => {
      // discord-api-spec types the permission bitfield as a number; Discord and discord.js send it as
      // the decimal string Discord documents, so compare like for like.
      const permissions = data.default_member_permissions;
      const forSchema =
        typeof permissions === 'string' ? { ...data, default_member_permissions: Number(permissions) } : data;
      const parsed = ApplicationCommandCreateRequestSchema.safeParse(forSchema);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(data.contexts).toEqual([0]);
      expect(data.description.length).toBeLessThanOrEqual(100);
      for (const option of data.options ?? []) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
        if ('choices' in option && option.choices) expect(option.choices.length).toBeLessThanOrEqual(25);
      }
    },
  );
});
