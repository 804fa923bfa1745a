// Buttons and select menus, drawn the same in action rows, in V2 containers and as section accessories.
import { escapeHtml } from './markdown.js';

const BUTTON_STYLES = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'primary' };

export function el(tag, className, html) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (html !== undefined) node.innerHTML = html;
  return node;
}

/** The emoji is drawn as an icon beside the label, as Discord does; it is not part of the name read out. */
function buttonFace(node, component) {
  if (component.emoji?.name) {
    const icon = el('span', 'button-emoji');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = component.emoji.name;
    node.append(icon);
  }
  if (component.label) node.append(el('span', 'button-label', escapeHtml(component.label)));
}

export function renderButton(component, message, actions) {
  const style = BUTTON_STYLES[component.style] ?? 'secondary';
  if (style === 'link') {
    const link = el('a', 'button link');
    buttonFace(link, component);
    link.append(' ↗');
    link.href = component.url;
    link.target = '_blank';
    link.rel = 'noreferrer';
    return link;
  }
  const button = el('button', `button ${style}`);
  button.type = 'button';
  buttonFace(button, component);
  button.disabled = Boolean(component.disabled);
  button.addEventListener('click', () => actions.click(message, component.custom_id, button));
  return button;
}

export function renderSelect(component, message, actions) {
  const select = el('select', 'select');
  const multiple = (component.max_values ?? 1) > 1;
  select.multiple = multiple;
  select.disabled = Boolean(component.disabled);
  select.dataset.customId = component.custom_id;
  if (!multiple) {
    const placeholder = el('option');
    placeholder.value = '';
    placeholder.textContent = component.placeholder ?? 'Make a selection';
    placeholder.disabled = true;
    select.append(placeholder);
  }
  let anyDefault = false;
  for (const option of component.options ?? []) {
    const node = el('option');
    node.value = option.value;
    node.textContent = `${option.emoji?.name ? `${option.emoji.name} ` : ''}${option.label}${option.description ? ` — ${option.description}` : ''}`;
    node.selected = Boolean(option.default);
    anyDefault ||= node.selected;
    select.append(node);
  }
  if (!multiple && !anyDefault) select.value = '';
  const send = () =>
    actions.select(
      message,
      component.custom_id,
      [...select.selectedOptions].map((o) => o.value),
      select,
    );
  if (!multiple) {
    select.addEventListener('change', send);
    return select;
  }
  const wrap = el('div', 'action-row');
  const apply = el('button', 'button secondary');
  apply.type = 'button';
  apply.textContent = 'Apply';
  apply.addEventListener('click', send);
  wrap.append(select, apply);
  return wrap;
}

export function renderActionRow(row, message, actions) {
  const line = el('div', 'action-row');
  for (const component of row.components ?? []) {
    if (component.type === 2) line.append(renderButton(component, message, actions));
    else if (component.type === 3) line.append(renderSelect(component, message, actions));
  }
  return line;
}
