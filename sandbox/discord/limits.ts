import type { FieldIssue } from './errors.js';

/**
 * Discord's limits that the OpenAPI schemas do not carry (or carry looser: the spec allows 4000 characters
 * of content, 40 top-level components, 6000-character choice values). Values from Discord's developer docs.
 */

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  modalTitle: 45,
  modalComponents: 5,
  textInputValue: 4000,
  textInputPlaceholder: 100,
  textInputLabel: 45,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Components V2: every component at every depth counts, and all text displays together. */
  v2Components: 40,
  v2TextTotal: 4000,
} as const;

export const IS_COMPONENTS_V2 = 1 << 15;

type Path = (string | number)[];

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

class IssueList {
  readonly issues: FieldIssue[] = [];
  maxLength(path: Path, value: unknown, max: number): void {
    if (typeof value === 'string' && value.length > max)
      this.issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
  lengthBetween(path: Path, value: unknown, min: number, max: number): void {
    if (typeof value === 'string' && (value.length < min || value.length > max))
      this.issues.push({
        path,
        code: 'BASE_TYPE_BAD_LENGTH',
        message: `Must be between ${min} and ${max} in length.`,
      });
  }
  maxItems(path: Path, value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max)
      this.issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
  add(path: Path, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }
}

function embedLength(embed: Record<string, unknown>): number {
  const author = asRecord(embed.author);
  const footer = asRecord(embed.footer);
  let total = text(embed.title).length + text(embed.description).length;
  total += text(author?.name).length + text(footer?.text).length;
  for (const field of asArray(embed.fields)) {
    const f = asRecord(field);
    total += text(f?.name).length + text(f?.value).length;
  }
  return total;
}

function checkEmbeds(list: IssueList, embeds: unknown): void {
  list.maxItems(['embeds'], embeds, LIMITS.embeds);
  let total = 0;
  asArray(embeds).forEach((raw, i) => {
    const embed = asRecord(raw);
    if (!embed) return;
    const at = (...rest: Path): Path => ['embeds', i, ...rest];
    list.maxLength(at('title'), embed.title, LIMITS.embedTitle);
    list.maxLength(at('description'), embed.description, LIMITS.embedDescription);
    list.maxItems(at('fields'), embed.fields, LIMITS.embedFields);
    asArray(embed.fields).forEach((rawField, j) => {
      const field = asRecord(rawField);
      list.maxLength(at('fields', j, 'name'), field?.name, LIMITS.fieldName);
      list.maxLength(at('fields', j, 'value'), field?.value, LIMITS.fieldValue);
    });
    list.maxLength(at('footer', 'text'), asRecord(embed.footer)?.text, LIMITS.footer);
    list.maxLength(at('author', 'name'), asRecord(embed.author)?.name, LIMITS.author);
    total += embedLength(embed);
  });
  if (total > LIMITS.embedTotal)
    list.add(
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
    );
}

function checkCustomId(
  list: IssueList,
  path: Path,
  component: Record<string, unknown>,
  seen: Set<string>,
): void {
  const customId = component.custom_id;
  if (typeof customId !== 'string') return;
  list.lengthBetween([...path, 'custom_id'], customId, 1, LIMITS.customId);
  if (seen.has(customId))
    list.add(
      [...path, 'custom_id'],
      'COMPONENT_CUSTOM_ID_DUPLICATED',
      'Component custom id cannot be duplicated',
    );
  seen.add(customId);
}

function checkRowChild(list: IssueList, path: Path, child: Record<string, unknown>, seen: Set<string>): void {
  checkCustomId(list, path, child, seen);
  if (child.type === 2) list.maxLength([...path, 'label'], child.label, LIMITS.buttonLabel);
  if (child.type === 3) {
    list.maxItems([...path, 'options'], child.options, LIMITS.selectOptions);
    asArray(child.options).forEach((rawOption, k) => {
      const option = asRecord(rawOption);
      for (const key of ['label', 'value', 'description'])
        list.maxLength([...path, 'options', k, key], option?.[key], LIMITS.selectOptionText);
    });
  }
  if (typeof child.type === 'number' && child.type >= 3 && child.type <= 8)
    list.maxLength([...path, 'placeholder'], child.placeholder, LIMITS.selectPlaceholder);
}

/** Component types that exist only in Components V2 messages. */
const V2_ONLY_TYPES = new Set([9, 10, 11, 12, 13, 14, 17]);

/** Every component of a message with its path, depth first: rows, containers, sections, accessories. */
function walkComponents(components: unknown): Array<{ path: Path; component: Record<string, unknown> }> {
  const found: Array<{ path: Path; component: Record<string, unknown> }> = [];
  const visit = (raw: unknown, path: Path): void => {
    const component = asRecord(raw);
    if (!component) return;
    found.push({ path, component });
    asArray(component.components).forEach((child, i) => visit(child, [...path, 'components', i]));
    if (component.accessory !== undefined) visit(component.accessory, [...path, 'accessory']);
  };
  asArray(components).forEach((top, i) => visit(top, ['components', i]));
  return found;
}

function checkActionRow(list: IssueList, path: Path, row: Record<string, unknown>): void {
  const children = asArray(row.components);
  const buttons = children.filter((c) => asRecord(c)?.type === 2).length;
  if (buttons > LIMITS.buttonsPerRow) list.maxItems([...path, 'components'], children, LIMITS.buttonsPerRow);
  if (children.length > 1 && children.some((c) => asRecord(c)?.type !== 2))
    list.add(
      [...path, 'components'],
      'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
      'The specified component exceeds the maximum width',
    );
}

/**
 * Legacy messages: at most five action rows, and no V2 component. Components V2 (the flag on the
 * body or already on the message): at most 40 components counted at every depth, and 4000
 * characters across all text displays. Both: rows of five buttons, labels, unique custom ids.
 */
function checkMessageComponents(list: IssueList, components: unknown, v2: boolean): void {
  const all = walkComponents(components);
  const seen = new Set<string>();
  if (!v2) list.maxItems(['components'], components, LIMITS.actionRows);
  let textLength = 0;
  for (const { path, component } of all) {
    if (!v2 && typeof component.type === 'number' && V2_ONLY_TYPES.has(component.type))
      list.add(
        [...path, 'type'],
        'COMPONENT_TYPE_REQUIRES_COMPONENTS_V2',
        'This component type needs the IS_COMPONENTS_V2 message flag',
      );
    if (component.type === 1) checkActionRow(list, path, component);
    if (component.type === 10) textLength += text(component.content).length;
    checkRowChild(list, path, component, seen);
  }
  if (v2 && all.length > LIMITS.v2Components)
    list.add(
      ['components'],
      'COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED',
      `A message can have at most ${LIMITS.v2Components} components in total`,
    );
  if (v2 && textLength > LIMITS.v2TextTotal)
    list.add(
      ['components'],
      'COMPONENT_MAX_TEXT_LENGTH_EXCEEDED',
      `Text displays can hold at most ${LIMITS.v2TextTotal} characters in total`,
    );
}

/** With IS_COMPONENTS_V2, `content`, `embeds`, `poll` and `sticker_ids` are not allowed. */
function checkV2Exclusions(list: IssueList, message: Record<string, unknown>): void {
  if (text(message.content) !== '')
    list.add(
      ['content'],
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      'Cannot send content with IS_COMPONENTS_V2',
    );
  if (asArray(message.embeds).length > 0)
    list.add(
      ['embeds'],
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      'Cannot send embeds with IS_COMPONENTS_V2',
    );
  if (message.poll !== undefined && message.poll !== null)
    list.add(
      ['poll'],
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      'Cannot send a poll with IS_COMPONENTS_V2',
    );
  if (asArray(message.sticker_ids).length > 0)
    list.add(
      ['sticker_ids'],
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      'Cannot send stickers with IS_COMPONENTS_V2',
    );
}

export function isComponentsV2(flags: unknown): boolean {
  return typeof flags === 'number' && (flags & IS_COMPONENTS_V2) !== 0;
}

/**
 * Limits for a message body (create or edit); `prefix` prefixes issues, e.g. ['data'] for callbacks.
 * `alreadyV2`: an edit of a message that has the flag already (it stays, flag on the body or not).
 */
export function messageLimitIssues(body: unknown, prefix: Path = [], alreadyV2 = false): FieldIssue[] {
  const message = asRecord(body);
  if (!message) return [];
  const list = new IssueList();
  const v2 = alreadyV2 || isComponentsV2(message.flags);
  list.maxLength(['content'], message.content, LIMITS.content);
  checkEmbeds(list, message.embeds);
  if (v2) checkV2Exclusions(list, message);
  checkMessageComponents(list, message.components, v2);
  return list.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

/** Nothing to show: no content, embeds, components, files, poll or stickers. */
export function isEmptyMessage(
  body: Record<string, unknown>,
  fileCount: number,
  keptAttachments: number,
): boolean {
  const content = typeof body.content === 'string' ? body.content.trim() : '';
  return (
    content === '' &&
    asArray(body.embeds).length === 0 &&
    asArray(body.components).length === 0 &&
    asArray(body.sticker_ids).length === 0 &&
    body.poll === undefined &&
    fileCount + keptAttachments === 0
  );
}

export function modalLimitIssues(data: unknown): FieldIssue[] {
  const modal = asRecord(data);
  if (!modal) return [];
  const list = new IssueList();
  const at = (...rest: Path): Path => ['data', ...rest];
  list.lengthBetween(at('title'), modal.title, 1, LIMITS.modalTitle);
  const components = asArray(modal.components);
  if (components.length < 1 || components.length > LIMITS.modalComponents)
    list.add(
      at('components'),
      'BASE_TYPE_BAD_LENGTH',
      `Must be between 1 and ${LIMITS.modalComponents} in length.`,
    );
  const seen = new Set<string>();
  components.forEach((raw, i) => {
    const top = asRecord(raw);
    const inputs: [Path, Record<string, unknown> | undefined][] =
      top?.type === 18
        ? [[at('components', i, 'component'), asRecord(top.component)]]
        : asArray(top?.components).map((c, j) => [at('components', i, 'components', j), asRecord(c)]);
    if (top?.type === 18) list.maxLength(at('components', i, 'label'), top.label, LIMITS.textInputLabel);
    for (const [path, input] of inputs) {
      if (!input) continue;
      checkCustomId(list, path, input, seen);
      if (input.type !== 4) continue;
      list.maxLength([...path, 'value'], input.value, LIMITS.textInputValue);
      list.maxLength([...path, 'placeholder'], input.placeholder, LIMITS.textInputPlaceholder);
      list.maxLength([...path, 'label'], input.label, LIMITS.textInputLabel);
    }
  });
  return list.issues;
}

export function autocompleteLimitIssues(data: unknown): FieldIssue[] {
  const list = new IssueList();
  const choices = asRecord(data)?.choices;
  list.maxItems(['data', 'choices'], choices, LIMITS.choices);
  asArray(choices).forEach((raw, i) => {
    const choice = asRecord(raw);
    list.lengthBetween(['data', 'choices', i, 'name'], choice?.name, 1, LIMITS.choiceName);
    list.maxLength(['data', 'choices', i, 'value'], choice?.value, LIMITS.choiceValue);
  });
  return list.issues;
}

/** Merges schema and limit issues, dropping a limit issue when the schema already flagged the same field. */
export function mergeIssues(schema: FieldIssue[], limits: FieldIssue[]): FieldIssue[] {
  const flagged = new Set(schema.map((i) => i.path.join('.')));
  return [...schema, ...limits.filter((i) => !flagged.has(i.path.join('.')))];
}
