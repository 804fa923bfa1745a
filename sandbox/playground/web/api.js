// The emulator's HTTP driver (same origin) and the sandbox's panel endpoints, as small async functions.

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.error ?? json.message ?? `${method} ${path}: ${response.status}`);
    // The emulator refused as Discord's client would: nothing reached the bot.
    error.refused = json.refused === true;
    throw error;
  }
  return json;
}

export const api = {
  state: () => call('GET', '/_emulator/state'),
  /** The commands Discord's client offers `user` in `channel`. */
  commands: (guild, user, channel) =>
    call(
      'GET',
      `/_emulator/commands?guild=${encodeURIComponent(guild)}&as=${encodeURIComponent(user)}&channel=${encodeURIComponent(channel)}`,
    ),
  messages: (channel, as) =>
    call('GET', `/_emulator/channels/${encodeURIComponent(channel)}/messages?as=${encodeURIComponent(as)}`),
  run: (body) => call('POST', '/_emulator/commands/run', { wait: 'response', timeoutMs: 10_000, ...body }),
  autocomplete: (body) =>
    call('POST', '/_emulator/autocomplete', { wait: 'response', timeoutMs: 5_000, ...body }),
  click: (body) => call('POST', '/_emulator/click', { wait: 'response', timeoutMs: 10_000, ...body }),
  select: (body) => call('POST', '/_emulator/select', { wait: 'response', timeoutMs: 10_000, ...body }),
  submitModal: (body) =>
    call('POST', '/_emulator/modal-submit', { wait: 'response', timeoutMs: 10_000, ...body }),
  /** `{ user, locale }` or `{ guild, locale }`: the language Discord then sends with interactions. */
  setLocale: (body) => call('POST', '/_emulator/locale', body),
  percify: () => call('GET', '/_sandbox/percify'),
  setPercify: (change) => call('POST', '/_sandbox/percify', change),
};

/** Opens the live stream of what `user` can see; `on` maps event names to handlers of the parsed data. */
export function openEvents(user, on) {
  const source = new EventSource(`/_emulator/events?as=${encodeURIComponent(user)}`);
  for (const [name, handler] of Object.entries(on)) {
    source.addEventListener(name, (event) => handler(JSON.parse(event.data)));
  }
  return source;
}
