// The message box: slash-command suggestions (commands, options, choices, the bot's autocomplete) and sending.
import { api } from './api.js';
import { createAttachmentPicker } from './attachment-picker.js';
import { flattenCommands, parseInput, withLastValue } from './commands.js';
import { escapeHtml } from './markdown.js';

const ATTACHMENT = 11;
const TYPE_NAMES = {
  3: 'text',
  4: 'whole number',
  5: 'true/false',
  6: 'member',
  7: 'channel',
  8: 'role',
  10: 'number',
  11: 'file',
};

/**
 * `context()` -> { user, channel }; `onRun(body)` sends a command and rejects with `error.refused` when
 * Discord's client would not have sent it; `toast(text)` reports a problem.
 */
export function createComposer({ context, onRun, toast }) {
  const input = document.getElementById('input');
  const list = document.getElementById('suggestions');
  const hint = document.getElementById('composer-hint');
  const picker = createAttachmentPicker();
  let entries = [];
  let items = [];
  let active = -1;
  let autocompleteTimer;
  let autocompleteSeq = 0;
  /** A refusal stays under the box until the member edits what they typed. */
  let refusalShown = false;

  /** `kind` marks the items that have none of their own; options alone are not preselected. */
  function show(kind, next) {
    items = next.map((item) => ({ kind, ...item }));
    active = items.length === 0 || items.every((item) => item.kind === 'option') ? -1 : 0;
    list.hidden = items.length === 0;
    list.replaceChildren(
      ...items.map((item, i) => {
        const li = document.createElement('li');
        li.role = 'option';
        li.setAttribute('aria-selected', String(i === active));
        li.dataset.testid = 'suggestion';
        li.innerHTML = `<span class="name">${escapeHtml(item.label)}</span><span class="description">${escapeHtml(item.description ?? '')}</span>`;
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(item);
        });
        return li;
      }),
    );
  }

  function highlight(next) {
    if (items.length === 0) return;
    active = (next + items.length) % items.length;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  }

  function pick(item) {
    input.value = item.insert(input.value);
    input.focus();
    refresh();
  }

  function refresh() {
    const parsed = parseInput(input.value, entries);
    picker.offer(parsed.kind === 'options' ? parsed.entry.options : undefined);
    if (parsed.kind === 'text') {
      hint.textContent = input.value ? 'Only slash commands reach the bot here: start with /' : '';
      return show('none', []);
    }
    if (parsed.kind === 'command') {
      hint.textContent = '';
      const matches = entries.filter(
        (e) => e.path.startsWith(parsed.prefix) || e.path.includes(parsed.prefix),
      );
      return show(
        'command',
        matches.map((e) => ({
          label: `/${e.path}`,
          description: e.description,
          insert: () => `/${e.path} `,
        })),
      );
    }
    const { entry, values, last, lastValue, endsWithSpace } = parsed;
    const missing = entry.options.filter(
      (o) => o.required && values[o.name] === undefined && o.type !== ATTACHMENT,
    );
    const file = picker.missing();
    const needs = [...missing.map((o) => `${o.name}:`), ...(file ? [`a file for ${file.name}: (📎)`] : [])];
    if (!refusalShown) hint.textContent = needs.length ? `Needs ${needs.join(' ')}` : 'Press Enter to send';
    const remaining = entry.options.filter((o) => values[o.name] === undefined && o.type !== ATTACHMENT);
    // Choosing a value for the option being typed: fixed choices, or the bot's own autocomplete answers.
    if (last && !endsWithSpace && (last.choices?.length || last.autocomplete)) {
      // A last word that starts another option's name ("avatar:fox dur") may be the next option: offer
      // it first, and keep the choices for the value typed before it, as Discord keeps its list open.
      const lastWord = /\s(\S+)$/.exec(lastValue)?.[1] ?? '';
      const next = lastWord
        ? optionItems(
            remaining.filter((o) => o.name.startsWith(lastWord)),
            lastWord,
          )
        : [];
      const value = next.length ? lastValue.slice(0, -lastWord.length).trim() : lastValue.trim();
      if (last.autocomplete) return askBot(entry, { ...values, [last.name]: value }, last, next);
      const typed = value.toLowerCase();
      return show('choice', [
        ...next,
        ...last.choices
          .filter(
            (c) => c.name.toLowerCase().includes(typed) || String(c.value).toLowerCase().includes(typed),
          )
          .map((c) => ({
            label: c.name,
            description: String(c.value),
            insert: (text) => withLastValue(text, c.value),
          })),
      ]);
    }
    // Otherwise, offer the options not given yet (Tab or a click adds one).
    if (last && !endsWithSpace) return show('none', []);
    const typedName = endsWithSpace || !last ? parsed.trailing : '';
    show(
      'option',
      optionItems(
        remaining.filter((o) => o.name.startsWith(typedName)),
        typedName,
      ),
    );
  }

  /** Suggestions that add an option, replacing the `typedName` the member began. */
  function optionItems(options, typedName) {
    return options.map((o) => ({
      kind: 'option',
      label: `${o.name}:`,
      description: `${o.required ? 'required · ' : ''}${TYPE_NAMES[o.type] ?? ''} · ${o.description}`,
      insert: (text) =>
        `${typedName ? text.slice(0, text.length - typedName.length) : text.replace(/\s*$/, ' ')}${o.name}:`,
    }));
  }

  /** Asks the bot for `option`'s choices; `before` (suggested options) stays at the top of the list. */
  function askBot(entry, values, option, before) {
    clearTimeout(autocompleteTimer);
    const seq = ++autocompleteSeq;
    autocompleteTimer = setTimeout(async () => {
      const { user, channel } = context();
      try {
        const result = await api.autocomplete({
          user,
          channel,
          name: entry.path,
          options: values,
          focused: option.name,
        });
        if (seq !== autocompleteSeq) return;
        const choices = result.response?.choices ?? [];
        show('choice', [
          ...before,
          ...choices.map((c) => ({
            label: c.name,
            description: '',
            insert: (text) => withLastValue(text, c.value),
          })),
        ]);
        if (choices.length === 0 && before.length === 0)
          hint.textContent = `No suggestions for ${option.name}`;
      } catch (error) {
        if (seq === autocompleteSeq) hint.textContent = `Autocomplete failed: ${error.message}`;
      }
    }, 200);
  }

  async function send() {
    const parsed = parseInput(input.value, entries);
    if (parsed.kind !== 'options') {
      if (input.value.trim()) toast('Type / and pick a command: only slash commands reach the bot.');
      return;
    }
    const options = {};
    for (const [name, value] of Object.entries(parsed.values)) if (value !== '') options[name] = value;
    const attachments = await picker.read();
    const sent = input.value;
    input.value = '';
    refresh();
    try {
      await onRun({ name: parsed.entry.path, options, attachments });
      picker.clear();
    } catch (error) {
      if (!error.refused) throw error;
      // As in Discord, a value the client refuses stays in the box, with what is wrong under it.
      input.value = sent;
      showRefusal(error.message);
    }
  }

  function showRefusal(text) {
    refusalShown = true;
    hint.textContent = text;
    hint.classList.add('error');
    hint.dataset.testid = 'refusal';
  }

  function clearRefusal() {
    refusalShown = false;
    hint.classList.remove('error');
    delete hint.dataset.testid;
  }

  input.addEventListener('input', () => {
    clearRefusal();
    refresh();
  });
  input.addEventListener('focus', refresh);
  input.addEventListener('blur', () => setTimeout(() => show('none', []), 150));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && items.length) {
      event.preventDefault();
      highlight(active + 1);
    } else if (event.key === 'ArrowUp' && items.length) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === 'Tab' && items.length) {
      event.preventDefault();
      pick(items[Math.max(active, 0)]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0 && items[active]) pick(items[active]);
      else void send().catch((error) => toast(error.message));
    } else if (event.key === 'Escape') {
      show('none', []);
    }
  });
  document.getElementById('composer').addEventListener('submit', (event) => event.preventDefault());

  return {
    setCommands(commands) {
      entries = flattenCommands(commands);
    },
  };
}
