import { expect, it } from 'vitest';
import { COMMAND_DATA } from '../../src/commands/data/index.js';
import { COMMAND_MODULES } from '../../src/commands/index.js';

it('routes every registered command, in the order deploy registers them', () => {
  expect(COMMAND_MODULES.map((module) => module.command.data)).toEqual([...COMMAND_DATA]);
});
