import { describe, expect, expectTypeOf, it } from 'vitest';
import { animateCommandData } from '../../src/commands/data/animate.js';
import { quotaCommandData } from '../../src/commands/data/quota.js';
import type { OptionsOf, SubcommandName, SubcommandOptions } from '../../src/commands/kit/option-types.js';
import { readOptions } from '../../src/commands/kit/read-options.js';
import { UserError } from '../../src/errors.js';
import { createI18n } from '../../src/services/i18n/index.js';

const i18n = createI18n();
const english = i18n.translator('en-US');
const german = i18n.translator('de');

/** The UserError `run` throws: its catalog message is checked as each member would read it. */
function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A resolver answering from a plain record, as discord.js's does from the interaction's data. */
function resolver(values: Record<string, unknown>, subcommand?: string, group?: string) {
  const get = (name: string) => values[name] ?? null;
  return {
    getString: get,
    getInteger: get,
    getNumber: get,
    getBoolean: get,
    getUser: get,
    getChannel: get,
    getRole: get,
    getMentionable: get,
    getAttachment: get,
    getSubcommand: () => subcommand ?? null,
    getSubcommandGroup: () => group ?? null,
  } as never;
}

describe('options derived from command data', () => {
  it('types choices as their values and leaves optional options undefined', () => {
    type Animate = OptionsOf<typeof animateCommandData>;
    expectTypeOf<Animate['avatar']>().toEqualTypeOf<string>();
    expectTypeOf<Animate['tier']>().toEqualTypeOf<'basic' | 'reality-lab' | undefined>();
    expectTypeOf<Animate['fps']>().toEqualTypeOf<30 | 60 | undefined>();
    expectTypeOf<Animate['duration']>().toEqualTypeOf<number | undefined>();
  });

  it('names subcommands as Discord shows them, each with its own options', () => {
    type Quota = typeof quotaCommandData;
    expectTypeOf<'channels add'>().toExtend<SubcommandName<Quota>>();
    expectTypeOf<SubcommandOptions<Quota, 'grant'>['credits']>().toEqualTypeOf<number>();
    expectTypeOf<SubcommandOptions<Quota, 'budget'>['period']>().toEqualTypeOf<'day' | 'month' | undefined>();
  });

  it('reads leaf options, turning an unset one into undefined', () => {
    const options = readOptions(animateCommandData, resolver({ avatar: 'a1', tier: 'basic' }));
    expect(options).toMatchObject({ avatar: 'a1', tier: 'basic', duration: undefined });
  });

  it('refuses a forged choice and a missing required option', () => {
    const forged = refusal(() => readOptions(animateCommandData, resolver({ avatar: 'a1', tier: 'ultra' })));
    expect(forged.identifier).toBe('invalid-option');
    expect(english.render(forged.text!)).toBe('`tier` must be one of basic, reality-lab.');
    expect(german.render(forged.text!)).toBe('`tier` muss eins davon sein: basic, reality-lab.');
    const missing = refusal(() => readOptions(animateCommandData, resolver({})));
    expect(english.render(missing.text!)).toBe('`avatar` is required.');
  });

  it('reads a grouped subcommand with its options', () => {
    const channel = { id: 'c1' };
    const read = readOptions(quotaCommandData, resolver({ channel }, 'add', 'channels'));
    expect(read).toEqual({ subcommand: 'channels add', options: { channel } });
  });

  it('refuses a subcommand the data does not have', () => {
    const unknown = refusal(() => readOptions(quotaCommandData, resolver({}, 'launch')));
    expect(english.render(unknown.text!)).toBe('That `/quota` subcommand is not available any more.');
  });
});
