import type { APIEmbed, APIMessageTopLevelComponent } from 'discord.js';

/** One message as the messenger sends or edits it. */
export interface ReplyBody {
  content?: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  /**
   * Drawn with Components V2 (flag IS_COMPONENTS_V2): the text lives in text displays and the images
   * in media galleries, so `content` and `embeds` stay empty. Discord never turns the flag off again.
   */
  componentsV2?: true;
  /** Files to upload with the message, referenced as `attachment://<name>` (embeds, media galleries). */
  files?: Array<{ name: string; data: Buffer; contentType?: string }>;
  /** On an edit: which existing attachments to keep (none = replace all). */
  attachments?: Array<{ id: string }>;
}
