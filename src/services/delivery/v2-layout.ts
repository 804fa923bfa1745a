import {
  ActionRowBuilder,
  ButtonBuilder,
  ContainerBuilder,
  SeparatorBuilder,
  TextDisplayBuilder,
} from '@discordjs/builders';
import { ButtonStyle, SeparatorSpacingSize } from 'discord.js';
import type { ReplyBody } from './reply-body.js';

/**
 * The pieces every Components V2 reply is built from, so the job replies look alike: one container
 * with an accent bar, text displays, a thin separator, rows of labelled buttons whose emoji sit in the
 * button's own `emoji` field (Discord draws it as an icon, and the label stays plain words).
 *
 * The emoji and the accent colour go in through the builders' constructors: their setters check a
 * union of shapes by building an error for each shape that does not match, ~10 µs a call, and a
 * job's card is rebuilt on every progress edit (the bot's profile under load, issue 19).
 */

export type ActionStyle =
  ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

export function actionButton(
  customId: string,
  label: string,
  emoji: string,
  style: ActionStyle,
): ButtonBuilder {
  return new ButtonBuilder({ emoji: { name: emoji } }).setCustomId(customId).setLabel(label).setStyle(style);
}

export function linkButton(url: string, label: string, emoji: string): ButtonBuilder {
  return new ButtonBuilder({ emoji: { name: emoji } }).setURL(url).setLabel(label).setStyle(ButtonStyle.Link);
}

export function buttonRow(buttons: ButtonBuilder[]): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(buttons);
}

export function textDisplay(content: string): TextDisplayBuilder {
  return new TextDisplayBuilder().setContent(content);
}

export function thinSeparator(): SeparatorBuilder {
  return new SeparatorBuilder().setDivider(true).setSpacing(SeparatorSpacingSize.Small);
}

export function card(accent: number): ContainerBuilder {
  return new ContainerBuilder({ accent_color: accent });
}

/** "-# …": Discord's small grey subtext, for the job id and other details a member rarely needs. */
export function subtext(text: string): string {
  return `-# ${text.replace(/\n/g, ' ')}`;
}

/** The message: the container alone, flagged IS_COMPONENTS_V2 (no content, no embeds). */
export function v2Reply(container: ContainerBuilder): ReplyBody {
  return { embeds: [], components: [container.toJSON()], componentsV2: true };
}
