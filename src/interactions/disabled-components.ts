import { ComponentType, type APIMessageTopLevelComponent } from 'discord.js';

/** Which of a message's buttons and menus to grey out: every one, or those with these custom ids. */
export type DisableWhich = 'all' | readonly string[];

type AnyComponent = APIMessageTopLevelComponent;

/**
 * A message's components as they are, with the chosen ones disabled, ready to send back in an edit.
 * Interactive components sit in action rows, at the top or (Components V2) inside a container, or
 * as a section's accessory button; everything else stays as it is.
 */
export function withDisabled(
  components: readonly APIMessageTopLevelComponent[],
  which: DisableWhich,
): APIMessageTopLevelComponent[] {
  const chosen = (customId: string) => which === 'all' || which.includes(customId);
  const disable = <C extends object>(component: C): C =>
    'custom_id' in component && typeof component.custom_id === 'string' && chosen(component.custom_id)
      ? { ...component, disabled: true }
      : component;
  const visit = (component: AnyComponent): AnyComponent => {
    switch (component.type) {
      case ComponentType.ActionRow:
        return { ...component, components: component.components.map(disable) };
      case ComponentType.Container:
        return {
          ...component,
          components: component.components.map((child) => visit(child) as typeof child),
        };
      case ComponentType.Section:
        return { ...component, accessory: disable(component.accessory) };
      default:
        return component;
    }
  };
  return components.map(visit);
}
