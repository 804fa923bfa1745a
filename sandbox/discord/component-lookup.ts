import type { StoredMessage } from './types.js';

/** Finding a component in a message the way a user would click it, and checking a select's chosen values. */

export interface FoundComponent {
  type: unknown;
  disabled?: unknown;
  options?: unknown;
  min_values?: unknown;
  max_values?: unknown;
}

/** Depth-first search through rows, sections and containers for a component with this custom id. */
export function findComponent(message: StoredMessage, customId: string): FoundComponent | undefined {
  const visit = (nodes: unknown[]): FoundComponent | undefined => {
    for (const node of nodes) {
      if (typeof node !== 'object' || node === null) continue;
      if (Reflect.get(node, 'custom_id') === customId) return node as FoundComponent;
      for (const key of ['components', 'accessory']) {
        const child: unknown = Reflect.get(node, key);
        const found = visit(Array.isArray(child) ? child : child ? [child] : []);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(message.components);
}

export function checkSelectValues(component: FoundComponent, values: string[]): void {
  const options = Array.isArray(component.options) ? component.options : [];
  const allowed = new Set(
    options.map((o: unknown) => (typeof o === 'object' && o !== null ? String(Reflect.get(o, 'value')) : '')),
  );
  const unknown = values.filter((v) => !allowed.has(v));
  if (unknown.length > 0) throw new Error(`The select has no option ${unknown.join(', ')}`);
  const min = typeof component.min_values === 'number' ? component.min_values : 1;
  const max = typeof component.max_values === 'number' ? component.max_values : 1;
  if (values.length < min || values.length > max) throw new Error(`The select takes ${min} to ${max} values`);
}
