import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/context.js';
import type { CommandModule } from '../../src/commands/types.js';
import { buildRouter, createInteractionListener, MESSAGES } from '../../src/events/interaction-create.js';
import { silentLogger } from '../../src/logger.js';
import { createI18n } from '../../src/services/i18n/index.js';

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
  i18n: createI18n(),
} as unknown as BotContext;
/** The fake interactions carry no locale: the router answers in English. */
const staleText = ctx.i18n.t(undefined, MESSAGES.staleComponent);

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
      expect(replies).toEqual([staleText]);
    },
  );

  it('answers an id no handler claims', async () => {
    const calls: unknown[] = [];
    const { interaction, replies } = fakeComponent('button', 'v1:hd:j1:0');
    await routerWithReroll(calls)(interaction as never);
    expect(replies).toEqual([staleText]);
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
