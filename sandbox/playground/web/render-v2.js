// Components V2 as Discord draws them: containers with an accent bar, text displays as markdown,
// media galleries as a grid (one item full width, two side by side, four as 2×2), sections with
// their accessory, separators, files, and action rows of buttons.
import { markdown, escapeHtml } from './markdown.js';
import { el, renderActionRow, renderButton } from './controls.js';

export const IS_COMPONENTS_V2 = 1 << 15;

function colourOf(value) {
  return typeof value === 'number' ? `#${value.toString(16).padStart(6, '0')}` : 'transparent';
}

/** attachment://name points at one of the message's own files. */
function mediaUrl(media, message) {
  const url = media?.url;
  if (typeof url !== 'string') return undefined;
  if (!url.startsWith('attachment://')) return url;
  return message.attachments.find((a) => a.filename === url.slice('attachment://'.length))?.url;
}

function isVideo(url, message) {
  const file = message.attachments.find((a) => a.url === url);
  const type = file?.contentType ?? '';
  return type.startsWith('video/') || /\.(mp4|webm|mov)(\?|$)/i.test(url);
}

function renderMedia(item, message) {
  const url = mediaUrl(item.media, message);
  if (!url) return el('div', 'media-missing', 'media not found');
  if (isVideo(url, message)) {
    const video = document.createElement('video');
    video.controls = true;
    video.preload = 'metadata';
    video.src = url;
    if (item.description) video.title = item.description;
    return video;
  }
  const img = document.createElement('img');
  img.src = url;
  img.alt = item.description ?? '';
  return img;
}

/** Discord's layouts by count: 1 full, 2 side by side, 3 one big and two small, 4 as 2×2, more in threes. */
function renderGallery(component, message) {
  const items = component.items ?? [];
  const grid = el('div', `media-gallery count-${Math.min(items.length, 5)}`);
  grid.dataset.testid = 'media-gallery';
  grid.setAttribute('role', 'group');
  grid.setAttribute('aria-label', `${items.length} ${items.length === 1 ? 'image' : 'images'}`);
  for (const item of items) {
    const cell = el('div', 'media-item');
    cell.append(renderMedia(item, message));
    grid.append(cell);
  }
  return grid;
}

function renderFile(component, message) {
  const url = mediaUrl(component.file, message);
  const file = message.attachments.find((a) => a.url === url);
  const name = file?.filename ?? 'file';
  return el('div', 'file', `📄 <a href="${escapeHtml(url ?? '#')}" download>${escapeHtml(name)}</a>`);
}

function renderSection(component, message, view) {
  const box = el('div', 'v2-section');
  const texts = el('div', 'v2-section-text');
  for (const child of component.components ?? []) texts.append(renderComponent(child, message, view));
  box.append(texts);
  const accessory = component.accessory;
  if (accessory?.type === 2) box.append(renderButton(accessory, message, view.actions));
  else if (accessory?.type === 11) {
    const img = document.createElement('img');
    img.className = 'v2-thumbnail';
    img.src = mediaUrl(accessory.media, message) ?? '';
    img.alt = accessory.description ?? 'thumbnail';
    box.append(img);
  }
  return box;
}

function renderComponent(component, message, view) {
  switch (component.type) {
    case 1:
      return renderActionRow(component, message, view.actions);
    case 9:
      return renderSection(component, message, view);
    case 10:
      return el('div', 'v2-text', markdown(component.content, view.names));
    case 12:
      return renderGallery(component, message);
    case 13:
      return renderFile(component, message);
    case 14:
      return el('hr', component.divider === false ? 'v2-separator blank' : 'v2-separator');
    case 17: {
      const box = el('div', 'v2-container');
      box.dataset.testid = 'container';
      box.style.borderLeftColor = colourOf(component.accent_color);
      for (const child of component.components ?? []) box.append(renderComponent(child, message, view));
      return box;
    }
    default:
      return el('div', 'v2-unknown', `unsupported component ${escapeHtml(component.type)}`);
  }
}

/** A V2 message: its components are the whole message (no content, no embeds). */
export function renderComponentsV2(message, view) {
  const box = el('div', 'v2');
  for (const component of message.components) box.append(renderComponent(component, message, view));
  return box;
}
