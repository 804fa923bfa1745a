import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { asArray, asRecord } from './limits.js';

/**
 * The components of a modal submit, mirroring the modal the bot sent: legacy action rows come back as rows,
 * Label (type 18) components come back as labels. Fails like the Discord client would refuse to submit.
 */
export function buildModalSubmitComponents(
  modal: APIModalInteractionResponseCallbackData,
  fields: Record<string, string>,
): unknown[] {
  const known = new Set<string>();
  const submitted = (input: Record<string, unknown>): Record<string, unknown> => {
    const customId = String(input.custom_id ?? '');
    known.add(customId);
    const value = fields[customId] ?? '';
    const required = input.required !== false;
    if (required && value === '') throw new Error(`The modal field "${customId}" is required`);
    const min = typeof input.min_length === 'number' ? input.min_length : 0;
    const max = typeof input.max_length === 'number' ? input.max_length : 4000;
    if (value !== '' && (value.length < min || value.length > max))
      throw new Error(`The modal field "${customId}" takes ${min} to ${max} characters`);
    return { type: 4, custom_id: customId, value, ...(typeof input.id === 'number' ? { id: input.id } : {}) };
  };
  /** A string select in a label: the field holds the chosen values, comma-separated; they must be offered. */
  const selected = (input: Record<string, unknown>): Record<string, unknown> => {
    const customId = String(input.custom_id ?? '');
    known.add(customId);
    const values = (fields[customId] ?? '').split(',').filter(Boolean);
    if (input.required !== false && values.length === 0)
      throw new Error(`The modal field "${customId}" is required`);
    const offered = new Set(asArray(input.options).map((option) => String(asRecord(option)?.value ?? '')));
    const stray = values.filter((value) => !offered.has(value));
    if (stray.length > 0) throw new Error(`The modal select "${customId}" has no option ${stray.join(', ')}`);
    return {
      type: 3,
      custom_id: customId,
      values,
      ...(typeof input.id === 'number' ? { id: input.id } : {}),
    };
  };
  const components = asArray(modal.components).flatMap((raw): unknown[] => {
    const top = asRecord(raw);
    if (!top) return [];
    if (top.type === 18) {
      const inner = asRecord(top.component);
      if (!inner || (inner.type !== 4 && inner.type !== 3)) return [];
      const component = inner.type === 3 ? selected(inner) : submitted(inner);
      return [{ type: 18, ...(typeof top.id === 'number' ? { id: top.id } : {}), component }];
    }
    if (top.type === 1) {
      const inputs = asArray(top.components).flatMap((c) => {
        const input = asRecord(c);
        return input && input.type === 4 ? [submitted(input)] : [];
      });
      return [{ type: 1, components: inputs }];
    }
    return [];
  });
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`The modal has no field ${unknown.join(', ')}`);
  return components;
}
