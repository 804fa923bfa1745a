import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

/** One message as the messenger sends or edits it. */
export interface ReplyBody {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Files to upload with the message, referenced from embeds as `attachment://<name>`. */
  files?: Array<{ name: string; data: Buffer; contentType?: string }>;
  /** On an edit: which existing attachments to keep (none = replace all). */
  attachments?: Array<{ id: string }>;
}
