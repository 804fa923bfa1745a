import { ComponentType, type APIMessageTopLevelComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { withDisabled } from '../../src/interactions/disabled-components.js';
import { renderAvatarResult } from '../../src/services/delivery/avatar-replies.js';
import type { AvatarView } from '../../src/services/delivery/views.js';
import { replyButtons } from '../support/reply-parts.js';
import { createI18n } from '../../src/services/i18n/index.js';

const en = createI18n().translator('en');

// Greying out the clicked button of a Components V2 result, whose buttons sit inside a container.

const job: AvatarView = {
  id: 'jgrey1',
  state: 'done',
  params: { prompt: 'a fox', model: 'flux', aspectRatio: '1:1', seed: 1, variations: 4 },
  reservedCredits: 8,
  images: [0, 1, 2, 3].map((i) => ({ avatarId: `avatar_${i}`, seed: 1 + i, creditCost: 2 })),
};

const disabledOf = (components: APIMessageTopLevelComponent[]) =>
  replyButtons({ embeds: [], components })
    .filter((button) => button.disabled)
    .map((button) => button.label);

describe('withDisabled', () => {
  it('greys out the chosen buttons inside a V2 container and leaves the rest as they were', () => {
    const { components } = renderAvatarResult(job, en);
    const vary3 = replyButtons({ embeds: [], components }).find((b) => b.label === 'Vary 3')!.customId!;
    const after = withDisabled(components, [vary3]);
    expect(disabledOf(after)).toEqual(['Vary 3']);
    expect(disabledOf(withDisabled(components, 'all'))).toHaveLength(14);
    // Text and gallery are untouched.
    expect(after[0]?.type).toBe(ComponentType.Container);
    expect(JSON.stringify(after).replace(/,"disabled":true/g, '')).toBe(JSON.stringify(components));
  });

  it("disables a section's accessory button", () => {
    const section: APIMessageTopLevelComponent = {
      type: ComponentType.Section,
      components: [{ type: ComponentType.TextDisplay, content: 'x' }],
      accessory: { type: ComponentType.Button, style: 1, custom_id: 'v1:reroll:j1', label: 'Reroll' },
    };
    expect(disabledOf(withDisabled([section], 'all'))).toEqual(['Reroll']);
  });
});
