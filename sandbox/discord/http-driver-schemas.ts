import { z } from 'zod';

/** Request bodies of the HTTP driver (see the route list in http-driver.ts). */

const Wait = z.enum(['none', 'response', 'reply']).optional();
const FileJson = z.object({
  filename: z.string().min(1),
  base64: z.string(),
  contentType: z.string().optional(),
});
const Permissions = z.union([z.string().regex(/^\d+$/), z.array(z.string())]).optional();

export const RunBody = z.object({
  user: z.string(),
  guild: z.string().optional(),
  channel: z.string(),
  name: z.string().min(1),
  subcommand: z.string().optional(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  attachments: z.record(z.string(), FileJson).optional(),
  skipClientChecks: z.boolean().optional(),
  wait: Wait,
  timeoutMs: z.number().int().positive().max(60_000).optional(),
});
export const AutocompleteBody = RunBody.extend({ focused: z.string() });
export const ClickBody = z.object({
  message: z.string(),
  customId: z.string(),
  user: z.string(),
  wait: Wait,
  timeoutMs: z.number().optional(),
});
export const SelectBody = ClickBody.extend({ values: z.array(z.string()) });
export const ModalBody = z.object({
  interaction: z.string(),
  fields: z.record(z.string(), z.string()),
  customId: z.string().optional(),
  user: z.string().optional(),
  wait: Wait,
  timeoutMs: z.number().optional(),
});
/** A member's client language and/or a server's community language, as Discord locale codes. */
export const LocaleBody = z
  .object({ user: z.string().optional(), guild: z.string().optional(), locale: z.string() })
  .refine((value) => value.user !== undefined || value.guild !== undefined, 'name a user or a guild');
export const SeedBody = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  boostTier: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
  preferredLocale: z.string().optional(),
  everyonePermissions: Permissions,
  botPermissions: Permissions,
  roles: z
    .array(
      z.object({
        id: z.string().optional(),
        name: z.string(),
        permissions: Permissions,
        color: z.number().optional(),
      }),
    )
    .optional(),
  channels: z
    .array(
      z.object({
        id: z.string().optional(),
        name: z.string(),
        topic: z.string().optional(),
        botAllow: Permissions,
        botDeny: Permissions,
        everyoneAllow: Permissions,
        everyoneDeny: Permissions,
      }),
    )
    .optional(),
  members: z
    .array(
      z.object({
        id: z.string().optional(),
        username: z.string(),
        globalName: z.string().optional(),
        nick: z.string().optional(),
        roles: z.array(z.string()).optional(),
        admin: z.boolean().optional(),
        owner: z.boolean().optional(),
      }),
    )
    .optional(),
});
export const FaultsBody = z.object({
  rateLimit: z
    .object({
      remaining429: z.number().int().min(0),
      global: z.boolean().optional(),
      route: z.string().optional(),
      retryAfterMs: z.number().min(0).optional(),
    })
    .optional(),
  serverErrors: z.number().int().min(0).optional(),
  oldMessageEdits30046: z.boolean().optional(),
  dropGateway: z.boolean().optional(),
});
