import type { EmulatedMessage } from '../../sandbox/discord/index.js';

/** A message's components by what a member sees on them: the label, or the custom id when unlabelled. */
export function componentIds(message: EmulatedMessage): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if (!('custom_id' in component)) continue;
      const label = 'label' in component && component.label ? component.label : component.custom_id;
      ids[label] = component.custom_id;
    }
  }
  return ids;
}

/** The labels (or custom ids) of a message's components that are greyed out. */
export function disabledLabels(message: EmulatedMessage): string[] {
  const labels: string[] = [];
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      if (!('custom_id' in component) || !('disabled' in component) || component.disabled !== true) continue;
      labels.push('label' in component && component.label ? component.label : component.custom_id);
    }
  }
  return labels;
}
