// The playground: a Discord-like text channel on the emulator's HTTP driver, live through its SSE stream.
import { api, openEvents } from './api.js';
import { createComposer } from './composer.js';
import { fillLocalePicker, localizeCommands } from './locales.js';
import { setViewerLocale } from './markdown.js';
import { showModal } from './modal.js';
import { startPanel } from './panel.js';
import { renderMessage } from './render.js';

const state = {
  guild: undefined,
  channels: [],
  members: [],
  user: 'ada',
  channel: 'general',
  names: new Map(),
  messages: new Map(),
  dismissed: new Set(),
  modalsShown: new Set(),
  unread: new Set(),
  events: undefined,
  /** Set once the composer exists: fetches the commands offered to the member now chosen. */
  reloadCommands: undefined,
};

const list = document.getElementById('messages');
const toastBox = document.getElementById('toast');
let toastTimer;

function toast(text) {
  toastBox.textContent = text;
  toastBox.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toastBox.hidden = true), 6000);
}

function me() {
  return state.members.find((m) => m.username === state.user);
}

function channelId() {
  return state.channels.find((c) => c.name === state.channel)?.id;
}

/** What happened after a click, select, command or modal: open a modal, or report a refusal. */
async function handleResult(result) {
  const response = result.response;
  if (response?.type === 9 && response.modal) await openModal(result.interactionId, response.modal);
}

async function openModal(interactionId, modal) {
  if (state.modalsShown.has(interactionId)) return;
  state.modalsShown.add(interactionId);
  const fields = await showModal(modal);
  if (!fields) return;
  await act(() => api.submitModal({ interaction: interactionId, fields, user: state.user }));
}

async function act(request) {
  try {
    await handleResult(await request());
  } catch (error) {
    toast(`This interaction failed: ${error.message}`);
  }
}

const view = {
  get names() {
    return state.names;
  },
  actions: {
    click: (message, customId) => act(() => api.click({ message: message.id, customId, user: state.user })),
    select: (message, customId, values) =>
      act(() => api.select({ message: message.id, customId, values, user: state.user })),
    dismiss: (message) => {
      state.dismissed.add(message.id);
      upsert({ ...message, deleted: true });
    },
  },
};

function compareIds(a, b) {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Adds or replaces one message in place, so a playing video elsewhere in the channel keeps playing. */
function upsert(message) {
  if (message.channelId !== channelId()) {
    if (!message.deleted) markUnread(message.channelId);
    return;
  }
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
  const existing = list.querySelector(`[data-id="${message.id}"]`);
  if (message.deleted || state.dismissed.has(message.id)) {
    state.messages.delete(message.id);
    existing?.remove();
    return;
  }
  state.messages.set(message.id, message);
  const node = renderMessage(message, view);
  if (existing) existing.replaceWith(node);
  else {
    const after = [...list.children].find((li) => compareIds(li.dataset.id, message.id) > 0);
    list.insertBefore(node, after ?? null);
  }
  if (nearBottom || !existing) {
    list.scrollTop = list.scrollHeight;
    // Images and videos get their height only once loaded: stay at the bottom when they do.
    for (const media of node.querySelectorAll('img, video')) {
      media.addEventListener(media.tagName === 'VIDEO' ? 'loadedmetadata' : 'load', () => {
        list.scrollTop = list.scrollHeight;
      });
    }
  }
}

function markUnread(id) {
  state.unread.add(id);
  renderChannels();
}

function renderChannels() {
  const box = document.getElementById('channels');
  box.replaceChildren(
    ...state.channels.map((channel) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `# ${channel.name}`;
      button.dataset.channel = channel.name;
      button.setAttribute('aria-current', String(channel.name === state.channel));
      if (state.unread.has(channel.id)) button.classList.add('unread');
      button.addEventListener('click', () => switchTo({ channel: channel.name }));
      li.append(button);
      return li;
    }),
  );
  const channel = state.channels.find((c) => c.name === state.channel);
  document.getElementById('channel-name').textContent = state.channel;
  document.getElementById('channel-topic').textContent = channel?.topic ?? '';
}

async function loadMessages() {
  const { messages } = await api.messages(state.channel, state.user);
  list.replaceChildren();
  state.messages.clear();
  for (const message of messages) upsert(message);
}

function connect() {
  state.events?.close();
  const user = me();
  state.events = openEvents(state.user, {
    'message.created': upsert,
    'message.updated': upsert,
    'message.deleted': (message) => upsert({ ...message, deleted: true }),
    'modal.opened': (event) => {
      if (event.userId === user?.id) void openModal(event.interactionId, event.modal);
    },
  });
  // After a reconnect the stream does not replay: reload what may have been missed.
  state.events.addEventListener('open', () => void loadMessages().catch(() => undefined));
}

async function switchTo(change) {
  Object.assign(state, change);
  const channel = state.channels.find((c) => c.name === state.channel);
  if (channel) state.unread.delete(channel.id);
  renderChannels();
  if (change.user) connect();
  await Promise.all([loadMessages(), state.reloadCommands?.()]);
  document.getElementById('input').focus();
}

async function refreshState() {
  const snapshot = await api.state();
  const guild = snapshot.guilds.find((g) => g.name === 'Sandbox') ?? snapshot.guilds[0];
  const status = document.getElementById('bot-status');
  status.textContent = snapshot.botConnected ? `${snapshot.bot.username} is online` : 'bot connecting…';
  status.classList.toggle('online', snapshot.botConnected);
  return { snapshot, guild };
}

async function main() {
  const { guild } = await refreshState();
  state.guild = guild;
  state.channels = guild.channels;
  state.members = guild.members;
  state.names = new Map(guild.members.map((m) => [m.id, m.displayName]));
  document.getElementById('guild-name').textContent = guild.name;
  const picker = document.getElementById('member');
  for (const member of guild.members) {
    const option = document.createElement('option');
    option.value = member.username;
    option.textContent = member.displayName;
    picker.append(option);
  }
  picker.value = state.user;
  // Each member has their own Discord language; the emulator sends it as each interaction's locale.
  const localePicker = document.getElementById('locale');
  fillLocalePicker(localePicker, me()?.locale ?? 'en-US');
  setViewerLocale(localePicker.value);
  picker.addEventListener('change', () => {
    localePicker.value = state.members.find((m) => m.username === picker.value)?.locale ?? 'en-US';
    setViewerLocale(localePicker.value);
    void switchTo({ user: picker.value });
  });
  localePicker.addEventListener('change', async () => {
    const locale = localePicker.value;
    try {
      await api.setLocale({ user: state.user, locale });
      const member = me();
      if (member) member.locale = locale;
      setViewerLocale(locale);
      await Promise.all([state.reloadCommands?.(), loadMessages()]);
    } catch (error) {
      toast(`Could not switch the language: ${error.message}`);
    }
  });
  // The server's language (guild_locale): what messages for the whole channel follow.
  const guildLocalePicker = document.getElementById('guild-locale');
  fillLocalePicker(guildLocalePicker, guild.preferredLocale ?? 'en-US');
  guildLocalePicker.addEventListener('change', () => {
    api
      .setLocale({ guild: guild.id, locale: guildLocalePicker.value })
      .catch((error) => toast(`Could not switch the server language: ${error.message}`));
  });

  const composer = createComposer({
    context: () => ({ user: state.user, channel: state.channel }),
    toast,
    onRun: async (body) => {
      try {
        await handleResult(await api.run({ ...body, user: state.user, channel: state.channel }));
      } catch (error) {
        // A refusal is the client's own (shown under the box); anything else failed on the way.
        if (error.refused) throw error;
        toast(`This interaction failed: ${error.message}`);
      }
    },
  });
  // Commands appear once the bot has registered them; keep asking until they do, then now and then.
  // Only those the member is offered: /quota stays hidden from a member without Manage Server.
  const loadCommands = async () => {
    const { commands } = await api.commands(guild.id, state.user, state.channel);
    composer.setCommands(localizeCommands(commands, me()?.locale ?? 'en-US'));
    return commands.length;
  };
  state.reloadCommands = () => loadCommands().catch(() => 0);
  const poll = async () => {
    const [count] = await Promise.all([loadCommands().catch(() => 0), refreshState().catch(() => undefined)]);
    setTimeout(poll, count > 0 ? 10_000 : 1000);
  };
  void poll();

  renderChannels();
  connect();
  await loadMessages();
  startPanel(toast);
  document.body.dataset.ready = 'true';
}

main().catch((error) => toast(`The playground could not start: ${error.message}`));
