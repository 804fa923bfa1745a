// One message as Discord draws it: author line, content, embeds, attachments, components, ephemeral note.
// A Components V2 message is drawn by render-v2.js: there the components are the whole message.
import { escapeHtml, markdown } from './markdown.js';
import { el, renderActionRow } from './controls.js';
import { IS_COMPONENTS_V2, renderComponentsV2 } from './render-v2.js';

function colourOf(value) {
  return typeof value === 'number' ? `#${value.toString(16).padStart(6, '0')}` : '#1e1f22';
}

/** Embeds may point at the message's own files as attachment://name. */
function resolveUrl(url, message) {
  if (typeof url !== 'string') return undefined;
  if (!url.startsWith('attachment://')) return url;
  const file = message.attachments.find((a) => a.filename === url.slice('attachment://'.length));
  return file?.url;
}

function referencedFiles(message) {
  const names = new Set();
  for (const embed of message.embeds) {
    for (const url of [embed.image?.url, embed.thumbnail?.url]) {
      if (typeof url === 'string' && url.startsWith('attachment://')) names.add(url.slice(13));
    }
  }
  return names;
}

function renderEmbed(embed, message, names) {
  const box = el('div', 'embed');
  box.style.borderLeftColor = colourOf(embed.color);
  box.dataset.testid = 'embed';
  const thumbnail = resolveUrl(embed.thumbnail?.url, message);
  if (thumbnail) {
    const img = el('img', 'thumbnail');
    img.src = thumbnail;
    img.alt = 'thumbnail';
    box.append(img);
  }
  if (embed.author?.name) box.append(el('div', 'embed-author', escapeHtml(embed.author.name)));
  if (embed.title) {
    const title = markdown(embed.title, names);
    box.append(
      el(
        'div',
        'embed-title',
        embed.url
          ? `<a href="${escapeHtml(embed.url)}" target="_blank" rel="noreferrer">${title}</a>`
          : title,
      ),
    );
  }
  if (embed.description) box.append(el('div', 'embed-description', markdown(embed.description, names)));
  if (embed.fields?.length) {
    const fields = el('div', 'embed-fields');
    for (const field of embed.fields) {
      const node = el('div', field.inline ? 'embed-field inline' : 'embed-field');
      node.append(el('div', 'embed-field-name', markdown(field.name, names)));
      node.append(el('div', 'embed-field-value', markdown(field.value, names)));
      fields.append(node);
    }
    box.append(fields);
  }
  const image = resolveUrl(embed.image?.url, message);
  if (image) {
    const img = el('img', 'image');
    img.src = image;
    img.alt = embed.title ?? 'image';
    box.append(img);
  }
  if (embed.footer?.text || embed.timestamp) {
    const parts = [embed.footer?.text, embed.timestamp && new Date(embed.timestamp).toLocaleString()];
    box.append(el('div', 'embed-footer', escapeHtml(parts.filter(Boolean).join(' • '))));
  }
  return box;
}

function renderAttachment(file) {
  const type = file.contentType ?? '';
  if (type.startsWith('image/')) {
    const img = document.createElement('img');
    img.src = file.url;
    img.alt = file.filename;
    return img;
  }
  if (type.startsWith('video/')) {
    const video = document.createElement('video');
    video.controls = true;
    video.preload = 'metadata';
    video.src = file.url;
    video.title = file.filename;
    return video;
  }
  const size =
    file.size > 1024 * 1024
      ? `${(file.size / 1024 / 1024).toFixed(1)} MB`
      : `${Math.ceil(file.size / 1024)} KB`;
  return el(
    'div',
    'file',
    `📄 <a href="${escapeHtml(file.url)}" download>${escapeHtml(file.filename)}</a> · ${size}`,
  );
}

function renderComponents(message, actions) {
  const box = el('div', 'components');
  for (const row of message.components) box.append(renderActionRow(row, message, actions));
  return box;
}

/**
 * `view` = { me, names: Map<id, displayName>, actions: { click, select, dismiss } }.
 * Returns an <li> the caller swaps in place when the message is edited.
 */
export function renderMessage(message, view) {
  const item = el('li', message.ephemeral ? 'message ephemeral' : 'message');
  item.dataset.id = message.id;
  item.dataset.testid = 'message';
  if (message.interactionUserId) {
    const who = view.names.get(message.interactionUserId) ?? 'someone';
    item.append(el('div', 'context-line', `↳ <strong>${escapeHtml(who)}</strong> used a command`));
  }
  const initial = (message.author.displayName || message.author.username || '?').slice(0, 1).toUpperCase();
  item.append(el('div', message.author.bot ? 'avatar bot' : 'avatar', escapeHtml(initial)));
  const body = el('div', 'body');
  const meta = el('div', 'meta');
  meta.append(el('span', 'author', escapeHtml(message.author.displayName || message.author.username)));
  if (message.author.bot) meta.append(el('span', 'app-tag', 'APP'));
  meta.append(el('span', 'time', escapeHtml(new Date(message.createdAt).toLocaleTimeString())));
  if (message.editedAt) meta.append(el('span', 'edited', '(edited)'));
  body.append(meta);

  if (message.loading)
    body.append(el('div', 'thinking', `${escapeHtml(message.author.displayName)} is thinking`));
  if ((message.flags & IS_COMPONENTS_V2) !== 0) {
    // Attachments show only where a media gallery, thumbnail or file component places them.
    body.append(renderComponentsV2(message, view));
  } else {
    if (message.content) body.append(el('div', 'content', markdown(message.content, view.names)));
    for (const embed of message.embeds) body.append(renderEmbed(embed, message, view.names));
    const shownInEmbeds = referencedFiles(message);
    const files = message.attachments.filter((file) => !shownInEmbeds.has(file.filename));
    if (files.length) {
      const box = el('div', 'attachments');
      for (const file of files) box.append(renderAttachment(file));
      body.append(box);
    }
    if (message.components.length) body.append(renderComponents(message, view.actions));
  }
  if (message.ephemeral) {
    const note = el('div', 'ephemeral-note', '👁 Only you can see this · ');
    const dismiss = el('button', '', 'Dismiss message');
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => view.actions.dismiss(message));
    note.append(dismiss);
    body.append(note);
  }
  item.append(body);
  return item;
}
