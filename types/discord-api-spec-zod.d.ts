/**
 * `discord-api-spec/zod` ships JavaScript only (zod/mini schemas generated from Discord's OpenAPI
 * spec). The project only ever calls `safeParse` on them, so that is all this declares.
 */
declare module 'discord-api-spec/zod' {
  interface SpecIssue {
    readonly path: readonly PropertyKey[];
    readonly message: string;
    readonly code?: string;
  }
  interface SpecSchema {
    safeParse(input: unknown): { success: boolean; error?: { issues: readonly SpecIssue[] } };
  }
  export const IncomingWebhookUpdateRequestPartialSchema: SpecSchema;
  export const IncomingWebhookRequestPartialSchema: SpecSchema;
  export const MessageCreateRequestSchema: SpecSchema;
  export const MessageEditRequestPartialSchema: SpecSchema;
  export const CreateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const UpdateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const ApplicationCommandCreateRequestSchema: SpecSchema;
  export const ApplicationCommandUpdateRequestSchema: SpecSchema;
  export function setStrictObject(strict: boolean): void;
}
