import type { APIEmbed, APIMessageTopLevelComponent } from 'discord-api-types/v10';

/** A message, or one of its earlier revisions: what a member saw at one time. */
type Shown = { content: string; embeds: APIEmbed[]; components: APIMessageTopLevelComponent[] };

/** Any component object as it arrives: a row, a container, a section, a button, a text display … */
type AnyComponent = Record<string, unknown>;

/**
 * Every component of a message, depth first: action rows and their buttons and selects, and with
 * Components V2 also containers, sections (with their accessory) and text displays.
 */
function allComponents(message: Shown): AnyComponent[] {
  const found: AnyComponent[] = [];
  const visit = (component: AnyComponent): void => {
    found.push(component);
    const children = component.components;
    if (Array.isArray(children)) for (const child of children) visit(child as AnyComponent);
    const accessory = component.accessory;
    if (accessory && typeof accessory === 'object') visit(accessory as AnyComponent);
  };
  for (const top of message.components) visit(top as unknown as AnyComponent);
  return found;
}

function labelOf(component: AnyComponent): string {
  const label = component.label;
  return typeof label === 'string' && label ? label : String(component.custom_id);
}

/** A message's components by what a member sees on them: the label, or the custom id when unlabelled. */
export function componentIds(message: Shown): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const component of allComponents(message)) {
    if (typeof component.custom_id !== 'string') continue;
    ids[labelOf(component)] = component.custom_id;
  }
  return ids;
}

/** The labels (or custom ids) of a message's components that are greyed out. */
export function disabledLabels(message: Shown): string[] {
  return allComponents(message)
    .filter((component) => typeof component.custom_id === 'string' && component.disabled === true)
    .map(labelOf);
}

function embedText(embed: APIEmbed): string[] {
  return [
    embed.title,
    embed.description,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text,
  ].filter((text): text is string => typeof text === 'string' && text.length > 0);
}

/**
 * All the text a member reads on a message, one part per line: the content, every embed's title,
 * description, fields and footer, and every V2 text display. Tests that check wording read this, so
 * they hold whether a reply is drawn with embeds or with Components V2.
 */
export function visibleText(message: Shown): string {
  const texts = allComponents(message)
    .map((component) => component.content)
    .filter((text): text is string => typeof text === 'string');
  return [message.content, ...message.embeds.flatMap(embedText), ...texts].filter(Boolean).join('\n');
}

/**
 * A message's title as a member reads it: the first embed's title, or with Components V2 the first
 * first heading line of its text displays ("### ✅ Your avatar" reads "✅ Your avatar"); '' when none.
 */
export function heading(message: Shown): string {
  const title = message.embeds[0]?.title;
  if (title) return title;
  for (const component of allComponents(message)) {
    const line = typeof component.content === 'string' ? (component.content.split('\n')[0] ?? '') : '';
    if (/^#{1,3} /.test(line)) return line.replace(/^#+\s*/, '');
  }
  return '';
}

/**
 * One detail of a message by its name: an embed field's value, or in a V2 text display the words
 * after "**Name** " up to the next "  ·  " or line end ("**Charged** 4 credits" gives "4 credits").
 */
export function detail(message: Shown, name: string): string | undefined {
  for (const embed of message.embeds) {
    const field = embed.fields?.find((f) => f.name === name);
    if (field) return field.value;
  }
  const text = visibleText(message);
  const marker = `**${name}** `;
  const start = text.indexOf(marker);
  if (start < 0) return undefined;
  return text.slice(start + marker.length).split(/ {2}· {2}|\n/)[0];
}
