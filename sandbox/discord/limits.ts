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
} as const;

const IS_COMPONENTS_V2 = 1 << 15;

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

function checkMessageComponents(list: IssueList, components: unknown, flags: number): void {
  const rows = asArray(components);
  const seen = new Set<string>();
  if ((flags & IS_COMPONENTS_V2) === 0) list.maxItems(['components'], rows, LIMITS.actionRows);
  rows.forEach((rawRow, i) => {
    const row = asRecord(rawRow);
    if (!row || row.type !== 1) return;
    const children = asArray(row.components);
    const buttons = children.filter((c) => asRecord(c)?.type === 2).length;
    if (buttons > LIMITS.buttonsPerRow)
      list.maxItems(['components', i, 'components'], children, LIMITS.buttonsPerRow);
    if (children.length > 1 && children.some((c) => asRecord(c)?.type !== 2))
      list.add(
        ['components', i, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    children.forEach((rawChild, j) => {
      const child = asRecord(rawChild);
      if (child) checkRowChild(list, ['components', i, 'components', j], child, seen);
    });
  });
}

/** Limits for a message body (create or edit); `path` prefixes issues, e.g. ['data'] for callbacks. */
export function messageLimitIssues(body: unknown, prefix: Path = []): FieldIssue[] {
  const message = asRecord(body);
  if (!message) return [];
  const list = new IssueList();
  list.maxLength(['content'], message.content, LIMITS.content);
  checkEmbeds(list, message.embeds);
  checkMessageComponents(list, message.components, typeof message.flags === 'number' ? message.flags : 0);
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
