import { ComponentType, type APIMessageTopLevelComponent } from 'discord.js';

/** Which of a message's buttons and menus to grey out: every one, or those with these custom ids. */
export type DisableWhich = 'all' | readonly string[];

/**
 * A message's components as they are, with the chosen ones disabled, ready to send back in an edit.
 * Only action rows hold interactive components in the messages this bot draws; anything else stays.
 */
export function withDisabled(
  components: readonly APIMessageTopLevelComponent[],
  which: DisableWhich,
): APIMessageTopLevelComponent[] {
  const chosen = (customId: string) => which === 'all' || which.includes(customId);
  return components.map((row) => {
    if (row.type !== ComponentType.ActionRow) return row;
    return {
      ...row,
      components: row.components.map((component) =>
        'custom_id' in component && chosen(component.custom_id)
          ? { ...component, disabled: true }
          : component,
      ),
    };
  });
}
