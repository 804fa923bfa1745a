import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/context.js';
import type { CommandModule } from '../../src/commands/types.js';
import { buildRouter, createInteractionListener, MESSAGES } from '../../src/events/interaction-create.js';
import { silentLogger } from '../../src/logger.js';

type Kind = 'button' | 'select' | 'modal' | 'user-select';

/** Just enough of a cached guild component interaction for the router to route it. */
function fakeComponent(kind: Kind, customId: string) {
  const replies: string[] = [];
  const interaction = {
    id: 'i1',
    guildId: 'g1',
    customId,
    user: { id: 'u1' },
    deferred: false,
    replied: false,
    isAutocomplete: () => false,
    isRepliable: () => true,
    inCachedGuild: () => true,
    isChatInputCommand: () => false,
    isCommand: () => false,
    isButton: () => kind === 'button',
    isStringSelectMenu: () => kind === 'select',
    isModalSubmit: () => kind === 'modal',
    isMessageComponent: () => kind !== 'modal',
    reply: async ({ content }: { content: string }) => {
      replies.push(content);
    },
  };
  return { interaction, replies };
}

/** Claims won by this process; `lost` ids belong to another process. */
const lost = new Set<string>();
const ctx = {
  lifecycle: { draining: false },
  logger: silentLogger(),
  claims: { claim: (id: string) => Promise.resolve(!lost.has(id)) },
} as unknown as BotContext;

function routerWithReroll(calls: unknown[]) {
  const module: CommandModule = {
    command: { data: { name: 'avatar', description: 'x' }, execute: async () => undefined },
    components: {
      async reroll(_interaction, args) {
        calls.push(args);
      },
    },
  };
  return createInteractionListener(ctx, buildRouter([module]));
}

describe('the interaction router', () => {
  it("hands a button its id's arguments by name", async () => {
    const calls: unknown[] = [];
    const { interaction } = fakeComponent('button', 'v1:reroll:j1');
    await routerWithReroll(calls)(interaction as never);
    expect(calls).toEqual([{ jobId: 'j1' }]);
  });

  it.each<Kind>(['select', 'modal', 'user-select'])(
    'answers a %s carrying a button id kindly, without running the handler',
    async (kind) => {
      const calls: unknown[] = [];
      const { interaction, replies } = fakeComponent(kind, 'v1:reroll:j1');
      await routerWithReroll(calls)(interaction as never);
      expect(calls).toEqual([]);
      expect(replies).toEqual([MESSAGES.staleComponent]);
    },
  );

  it('answers an id no handler claims', async () => {
    const calls: unknown[] = [];
    const { interaction, replies } = fakeComponent('button', 'v1:hd:j1:0');
    await routerWithReroll(calls)(interaction as never);
    expect(replies).toEqual([MESSAGES.staleComponent]);
  });

  it('does nothing at all with an interaction another process claimed', async () => {
    const calls: unknown[] = [];
    const { interaction, replies } = fakeComponent('button', 'v1:reroll:j1');
    lost.add((interaction as { id: string }).id);
    await routerWithReroll(calls)(interaction as never);
    expect(calls).toEqual([]);
    expect(replies).toEqual([]);
  });
});
