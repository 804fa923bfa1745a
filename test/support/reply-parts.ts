import type { ReplyBody } from '../../src/services/delivery/reply-body.js';

/** A rendered reply read the way a member sees it, whether drawn with embeds or Components V2. */

type AnyComponent = Record<string, unknown>;

function walk(components: readonly unknown[]): AnyComponent[] {
  const found: AnyComponent[] = [];
  const visit = (raw: unknown): void => {
    if (typeof raw !== 'object' || raw === null) return;
    const component = raw as AnyComponent;
    found.push(component);
    if (Array.isArray(component.components)) component.components.forEach(visit);
    visit(component.accessory);
  };
  components.forEach(visit);
  return found;
}

/** Every text display's content and every embed's title, description and fields, one per line. */
export function replyText(body: ReplyBody): string {
  const texts = walk(body.components)
    .filter((c) => c.type === 10 && typeof c.content === 'string')
    .map((c) => c.content as string);
  const embeds = body.embeds.flatMap((embed) => [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ]);
  return [body.content ?? '', ...embeds, ...texts].filter(Boolean).join('\n');
}

export interface ButtonSeen {
  label: string;
  emoji?: string | undefined;
  customId?: string | undefined;
  url?: string | undefined;
  disabled: boolean;
}

/** The buttons in reading order: label, the emoji field, custom id (or link), greyed out or not. */
export function replyButtons(body: ReplyBody): ButtonSeen[] {
  return walk(body.components)
    .filter((c) => c.type === 2)
    .map((c) => ({
      label: String(c.label ?? ''),
      emoji: (c.emoji as { name?: string } | undefined)?.name,
      customId: typeof c.custom_id === 'string' ? c.custom_id : undefined,
      url: typeof c.url === 'string' ? c.url : undefined,
      disabled: c.disabled === true,
    }));
}

/** The rows of buttons, as their labels. */
export function buttonRows(body: ReplyBody): string[][] {
  return walk(body.components)
    .filter((c) => c.type === 1)
    .map((row) =>
      walk(row.components as unknown[])
        .filter((c) => c.type === 2)
        .map((c) => String(c.label)),
    );
}

/** The media galleries' item URLs, one array per gallery. */
export function galleries(body: ReplyBody): string[][] {
  return walk(body.components)
    .filter((c) => c.type === 12)
    .map((g) => (g.items as Array<{ media: { url: string } }>).map((item) => item.media.url));
}
