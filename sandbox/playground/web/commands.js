// Slash-command text ("/quota allowance role:Member credits:50") <-> the driver's { name, options } record.

const SUBCOMMAND = 1;
const GROUP = 2;

/** Every runnable path: "avatar", "quota view", "quota allowance"... with its leaf options. */
export function flattenCommands(commands) {
  const entries = [];
  const walk = (path, description, options) => {
    const nested = (options ?? []).filter((o) => o.type === SUBCOMMAND || o.type === GROUP);
    if (nested.length === 0) {
      entries.push({ path: path.join(' '), description, options: options ?? [] });
      return;
    }
    for (const option of nested) walk([...path, option.name], option.description, option.options);
  };
  for (const command of commands)
    if ((command.type ?? 1) === 1) walk([command.name], command.description, command.options);
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Reads what was typed. Values run to the next "known-option:" marker, so prompts may hold spaces.
 * Returns { kind: 'text' } | { kind: 'command', prefix } | { kind: 'options', entry, values, last, trailing }.
 */
export function parseInput(text, entries) {
  if (!text.startsWith('/')) return { kind: 'text' };
  const body = text.slice(1);
  const entry = entries
    .filter((e) => body === e.path || body.startsWith(`${e.path} `))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!entry) return { kind: 'command', prefix: body.trim() };
  const rest = body.slice(entry.path.length);
  const names = new Set(entry.options.map((o) => o.name));
  const markers = [];
  for (const match of rest.matchAll(/(^|\s)([\w-]+):/g)) {
    if (names.has(match[2]))
      markers.push({
        name: match[2],
        at: match.index + match[1].length,
        valueAt: match.index + match[0].length,
      });
  }
  const values = {};
  markers.forEach((marker, i) => {
    const end = i + 1 < markers.length ? markers[i + 1].at : rest.length;
    values[marker.name] = rest.slice(marker.valueAt, end).trim();
  });
  const last = markers.at(-1);
  const trailing = rest.slice(rest.lastIndexOf(' ') + 1);
  return {
    kind: 'options',
    entry,
    values,
    last: last ? entry.options.find((o) => o.name === last.name) : undefined,
    lastValue: last ? rest.slice(last.valueAt) : '',
    endsWithSpace: /\s$/.test(text),
    trailing,
  };
}

/** Replaces the value of the last option with `value` (a choice picked from the list). */
export function withLastValue(text, value) {
  const at = text.lastIndexOf(':');
  return `${text.slice(0, at + 1)}${value} `;
}
