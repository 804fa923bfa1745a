import { ComponentType, MessageFlags, type APIMessageTopLevelComponent, type RawFile } from 'discord.js';
import type { ReplyBody } from './reply-body.js';

/**
 * A ReplyBody as Discord takes it on the wire, and the two changes the messenger makes on the way
 * (a note under the result, a mention when it posts anew). Components V2 messages carry the flag on
 * every write and never `content` or `embeds` (Discord refuses them there): what a reply sets as
 * `content` (a mention, a note that the result came late) goes in a text display above the card.
 */

export interface ReplyRequest {
  json: Record<string, unknown>;
  files: RawFile[];
}

export function toReplyRequest(body: ReplyBody, mode: 'edit' | 'create'): ReplyRequest {
  const files: RawFile[] = (body.files ?? []).map((file) => ({
    name: file.name,
    data: file.data,
    ...(file.contentType ? { contentType: file.contentType } : {}),
  }));
  const json: Record<string, unknown> = body.componentsV2
    ? { flags: MessageFlags.IsComponentsV2, components: v2Components(body) }
    : {
        embeds: body.embeds,
        components: body.components,
        content: body.content ?? (mode === 'edit' ? '' : undefined),
      };
  // On an edit, the attachments listed are the ones kept: new uploads, or explicitly kept ones.
  if (files.length > 0)
    json.attachments = files.map((file, index) => ({ id: String(index), filename: file.name }));
  else if (body.attachments) json.attachments = body.attachments;
  else if (mode === 'edit') json.attachments = [];
  return { json, files };
}

/** A line set as `content` on a V2 reply (a late result's note) is shown as a text display above it. */
function v2Components(body: ReplyBody): APIMessageTopLevelComponent[] {
  if (!body.content) return body.components;
  return [{ type: ComponentType.TextDisplay, content: body.content }, ...body.components];
}

/** Appends a note: to each embed's footer (2048 characters there), or as subtext in the V2 card. */
export function withNote(body: ReplyBody, note: string): ReplyBody {
  if (body.componentsV2) {
    const line = { type: ComponentType.TextDisplay, content: `-# ${note}` } as const;
    const components = [...body.components];
    const last = components.at(-1);
    if (last?.type === ComponentType.Container)
      components[components.length - 1] = { ...last, components: [...last.components, line] };
    else components.push(line);
    return { ...body, components };
  }
  const embeds = body.embeds.map((embed, index) => {
    if (index > 0 && embed.title === undefined && embed.description === undefined) return embed; // gallery images
    const text = embed.footer?.text ? `${embed.footer.text} · ${note}` : note;
    return { ...embed, footer: { ...embed.footer, text: text.slice(0, 2048) } };
  });
  return { ...body, embeds };
}

/**
 * A new message that has to reach someone: their mention first (V2: in the text display above the
 * card), then the reply's own text or `ready` ("your result is ready.", in the channel's language).
 */
export function withMention(body: ReplyBody, userId: string, ready?: string): ReplyBody {
  const text = body.content ?? ready;
  return { ...body, content: text ? `<@${userId}> ${text}` : `<@${userId}>` };
}
