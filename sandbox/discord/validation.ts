import type { FieldIssue } from './errors.js';

/**
 * Body validation against discord-api-spec's zod/mini schemas (generated from Discord's OpenAPI spec).
 * The package ships JavaScript without type declarations, so it is loaded dynamically and each schema is
 * checked to be parseable here, at the edge, instead of spreading `any` through the emulator.
 * The schemas are non-strict (unknown keys pass), as Discord itself ignores unknown keys.
 */

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  expected?: string;
  values?: unknown[];
  format?: string;
  errors?: ZodLikeIssue[][];
}

interface SafeParseSchema {
  safeParse(input: unknown): { success: boolean; error?: { issues: unknown[] } };
}

const SCHEMA_NAMES = [
  'MessageCreateRequestSchema',
  'MessageEditRequestPartialSchema',
  'CreateMessageInteractionCallbackRequestSchema',
  'UpdateMessageInteractionCallbackRequestSchema',
  'ModalInteractionCallbackRequestSchema',
  'ApplicationCommandAutocompleteCallbackRequestSchema',
  'IncomingWebhookRequestPartialSchema',
  'IncomingWebhookUpdateRequestPartialSchema',
  'ApplicationCommandCreateRequestSchema',
  'CreatePrivateChannelRequestSchema',
] as const;

export type SchemaName = (typeof SCHEMA_NAMES)[number];
export type BodyValidator = (schema: SchemaName, body: unknown) => FieldIssue[];

function isSchema(value: unknown): value is SafeParseSchema {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'safeParse') === 'function';
}

function isIssue(value: unknown): value is ZodLikeIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'code') === 'string' &&
    Array.isArray(Reflect.get(value, 'path'))
  );
}

export async function loadBodyValidator(): Promise<BodyValidator> {
  const specifier = 'discord-api-spec/zod';
  const module: unknown = await import(specifier);
  const schemas = new Map<SchemaName, SafeParseSchema>();
  for (const name of SCHEMA_NAMES) {
    const schema: unknown =
      typeof module === 'object' && module !== null ? Reflect.get(module, name) : undefined;
    if (!isSchema(schema)) throw new Error(`discord-api-spec/zod has no schema ${name}`);
    schemas.set(name, schema);
  }
  return (name, body) => {
    const schema = schemas.get(name);
    if (!schema) return [];
    const result = schema.safeParse(body);
    if (result.success) return [];
    return (result.error?.issues ?? []).filter(isIssue).flatMap((issue) => toFieldIssues(issue, body, []));
  };
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let node = body;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = Reflect.get(node, key);
  }
  return node;
}

function toFieldIssues(issue: ZodLikeIssue, body: unknown, prefix: PropertyKey[]): FieldIssue[] {
  const path = [...prefix, ...issue.path];
  const fieldPath = path.map((k) => (typeof k === 'number' ? k : String(k)));
  const at = (code: string, message: string): FieldIssue[] => [{ path: fieldPath, code, message }];
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int')
        return at('NUMBER_TYPE_MAX', `int value should be less than or equal to ${String(issue.maximum)}.`);
      return at('BASE_TYPE_MAX_LENGTH', `Must be ${String(issue.maximum)} or fewer in length.`);
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int')
        return at(
          'NUMBER_TYPE_MIN',
          `int value should be greater than or equal to ${String(issue.minimum)}.`,
        );
      return at('BASE_TYPE_MIN_LENGTH', `Must be ${String(issue.minimum)} or more in length.`);
    case 'invalid_type':
      if (valueAt(body, path) === undefined) return at('BASE_TYPE_REQUIRED', 'This field is required');
      return at('BASE_TYPE_BAD_TYPE', `Must be of type ${issue.expected ?? 'unknown'}.`);
    case 'invalid_value':
      return at(
        'BASE_TYPE_CHOICES',
        `Value must be one of (${(issue.values ?? []).map(String).join(', ')}).`,
      );
    case 'invalid_format':
      if (issue.format === 'url') return at('URL_TYPE_INVALID_URL', 'Not a well formed URL.');
      return at('BASE_TYPE_BAD_FORMAT', `Must match the ${issue.format ?? 'expected'} format.`);
    case 'invalid_union':
      return (
        unionIssues(issue, body, path) ?? at('UNION_TYPE_CHOICES', 'Value does not match any allowed shape.')
      );
    default:
      return at('BASE_TYPE_INVALID', 'Invalid value.');
  }
}

/** A union failed: report the branch that matched the `type` discriminator, when one did. */
function unionIssues(issue: ZodLikeIssue, body: unknown, path: PropertyKey[]): FieldIssue[] | undefined {
  const branches = issue.errors ?? [];
  const matching = branches.filter(
    (branch) =>
      branch.length > 0 && !branch.some((i) => i.code === 'invalid_value' && i.path.at(-1) === 'type'),
  );
  const best = matching.sort((a, b) => a.length - b.length)[0];
  if (!best) return undefined;
  return best.flatMap((inner) => toFieldIssues(inner, body, path));
}
