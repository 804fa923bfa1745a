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
