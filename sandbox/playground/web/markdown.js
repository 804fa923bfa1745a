// The subset of Discord markdown the bot uses, rendered to safe HTML (everything is escaped first).

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** `names` maps user ids to display names for <@id> mentions. */
export function markdown(text, names = new Map()) {
  const codes = [];
  let html = escapeHtml(text ?? '')
    // Code spans first, so nothing inside them is formatted.
    .replace(/`([^`\n]+)`/g, (_, code) => `\uE000${codes.push(code) - 1}\uE000`)
    .replace(/^### (.+)$/gm, '<strong>$1</strong>')
    .replace(/^## (.+)$/gm, '<strong style="font-size:1.1em">$1</strong>')
    .replace(/^# (.+)$/gm, '<strong style="font-size:1.25em">$1</strong>')
    .replace(/^-# (.+)$/gm, '<small>$1</small>')
    .replace(/^&gt; (.*)$/gm, '<span class="md-quote">$1</span>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/__([^_]+)__/g, '<u>$1</u>')
    .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<em>$2</em>')
    .replace(/(^|\W)_([^_\n]+)_(?=\W|$)/g, '$1<em>$2</em>')
    .replace(/~~([^~]+)~~/g, '<s>$1</s>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noreferrer">$1</a>')
    .replace(/&lt;@!?(\d+)&gt;/g, (_, id) => `<strong>@${escapeHtml(names.get(id) ?? 'someone')}</strong>`)
    .replace(/&lt;t:(\d+)(?::([a-zA-Z]))?&gt;/g, (_, seconds, style) => timestamp(Number(seconds), style));
  html = html.replace(/\uE000(\d+)\uE000/g, (_, i) => `<code>${codes[Number(i)]}</code>`);
  return html;
}

/** Discord's client shows `<t:…>` in its own language: the language of the member chatting. */
let viewerLocale = 'en-US';
export function setViewerLocale(locale) {
  viewerLocale = locale;
}

function timestamp(seconds, style) {
  const date = new Date(seconds * 1000);
  if (style === 'R') {
    const delta = Math.round((date.getTime() - Date.now()) / 1000);
    const format = new Intl.RelativeTimeFormat(viewerLocale, { numeric: 'auto' });
    if (Math.abs(delta) < 60) return format.format(delta, 'second');
    if (Math.abs(delta) < 3600) return format.format(Math.round(delta / 60), 'minute');
    if (Math.abs(delta) < 86400) return format.format(Math.round(delta / 3600), 'hour');
    return format.format(Math.round(delta / 86400), 'day');
  }
  return date.toLocaleString(viewerLocale);
}
