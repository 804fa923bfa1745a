import type { ButtonStyle } from 'discord.js';
import { ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';

/** An interaction button (never a link) with one of the bot's custom ids. */
export function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  disabled?: boolean,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label,
    style,
    ...(disabled === undefined ? {} : { disabled }),
  };
}

export function buttonRow(components: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components };
}
